import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { GraphiQLExample } from './graphiql-examples';
import { GRAPHIQL_PAGE_CSS, graphiqlBootScript } from './graphiql-page';

const gzip = promisify(gzipCallback);

/** Where the assets are served; `<prefix><name>` for each name on the list. */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/assets/';

/** One file the page may load: from an installed package, or generated here. */
export interface GraphiQLAsset {
  name: string;
  contentType: string;
  load(): Buffer | string;
}

export interface GraphiQLAssets {
  /** The versioned URL of a listed asset (`?v=` its content hash), for the page. */
  url(name: string): string;
  /**
   * Answers a request for `GRAPHIQL_ASSET_PREFIX + name`: the listed file,
   * 404 for any other name (nothing is looked up on disk by name), 405 for
   * methods other than GET and HEAD.
   */
  serve(req: IncomingMessage, res: ServerResponse, name: string): Promise<void>;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
// The URLs carry the content hash: a changed file gets a new URL, so a year is safe.
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/**
 * The fixed list of what the GraphiQL page loads: React, ReactDOM, GraphiQL
 * and graphql-ws from their npm packages, plus the page's own boot script and
 * stylesheet. Package files are located now, so a missing package fails the
 * start rather than the first page view; they are read on first use.
 */
export function graphiqlAssetList(examples: readonly GraphiQLExample[]): GraphiQLAsset[] {
  const fromPackage = (name: string, pkg: string, file: string, contentType: string): GraphiQLAsset => {
    const location = packageFile(pkg, file);
    return { name, contentType, load: () => readFileSync(location) };
  };
  return [
    fromPackage('react.production.min.js', 'react', 'umd/react.production.min.js', JS),
    fromPackage('react-dom.production.min.js', 'react-dom', 'umd/react-dom.production.min.js', JS),
    fromPackage('graphql-ws.min.js', 'graphql-ws', 'umd/graphql-ws.min.js', JS),
    fromPackage('graphiql.min.js', 'graphiql', 'graphiql.min.js', JS),
    fromPackage('graphiql.min.css', 'graphiql', 'graphiql.min.css', CSS),
    { name: 'graphiql-boot.js', contentType: JS, load: () => graphiqlBootScript(examples) },
    { name: 'graphiql-page.css', contentType: CSS, load: () => GRAPHIQL_PAGE_CSS },
  ];
}

/**
 * A file of an installed package, wherever the workspace hoisted it (the UMD files are not in the packages' `exports`).
 */
function packageFile(pkg: string, file: string): string {
  let manifest: string;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch (err) {
    throw new Error(
      `GraphiQL needs the npm package "${pkg}", which is not installed (set GRAPHIQL=false to go without): ` +
        `${(err as Error).message}`,
    );
  }
  return path.join(path.dirname(manifest), file);
}

interface Loaded {
  body: Buffer;
  hash: string;
  gzipped?: Promise<Buffer>;
}

/** Serves the listed assets from memory: each read once, hashed, and gzipped once when a client accepts it. */
export function createGraphiQLAssets(list: readonly GraphiQLAsset[]): GraphiQLAssets {
  const assets = new Map(list.map((asset) => [asset.name, asset]));
  const loaded = new Map<string, Loaded>();

  const load = (asset: GraphiQLAsset): Loaded => {
    let entry = loaded.get(asset.name);
    if (!entry) {
      const content = asset.load();
      const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      entry = { body, hash: createHash('sha256').update(body).digest('hex').slice(0, 16) };
      loaded.set(asset.name, entry);
    }
    return entry;
  };

  return {
    url(name) {
      const asset = assets.get(name);
      if (!asset) throw new Error(`not a GraphiQL asset: ${name}`);
      return `${GRAPHIQL_ASSET_PREFIX}${name}?v=${load(asset).hash}`;
    },

    async serve(req, res, name) {
      // An exact match on the list: "../x", "%2e%2e/x" or "a/b" are simply not on it.
      const asset = assets.get(name);
      if (!asset) return sendText(res, 404, 'not found');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return sendText(res, 405, 'method not allowed');
      }
      const entry = load(asset);
      const etag = `"${entry.hash}"`;
      res.setHeader('content-type', asset.contentType);
      res.setHeader('cache-control', CACHE_FOREVER);
      res.setHeader('etag', etag);
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('x-content-type-options', 'nosniff');
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      let body = entry.body;
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        entry.gzipped ??= gzip(entry.body);
        body = await entry.gzipped;
        res.setHeader('content-encoding', 'gzip');
      }
      res.statusCode = 200;
      res.setHeader('content-length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(text);
}
