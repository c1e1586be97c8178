import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { REPO_ROOT } from './config';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

/** Default subgraph URLs written into the supergraph; the gateway can override each. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = {
  orders: 4001,
  customers: 4002,
  inventory: 4003,
  logistics: 4004,
};

export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'supergraph.graphql');
export const subgraphSdlFile = (name: SubgraphName) => path.join(REPO_ROOT, 'subgraphs', name, 'schema.graphql');

/** Each subgraph's SDL as its code builds it now. */
export async function buildSubgraphSdls(): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(
    SUBGRAPHS.map(
      async ({ name, definition }) => [name, `${printSubgraphSchema(await definition.buildSchema())}\n`] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

export interface Composition {
  supergraphSdl: string | null;
  errors: string[];
  hints: string[];
}

/** Composes subgraph SDLs with @apollo/composition, as the gateway will see them. */
export function composeSupergraph(sdls: Record<SubgraphName, string>): Composition {
  const result = composeServices(
    SUBGRAPHS.map(({ name }) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(sdls[name]),
    })),
  );
  const hints = (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`);
  if (result.errors) return { supergraphSdl: null, errors: result.errors.map((e) => e.message), hints };
  return { supergraphSdl: `${result.supergraphSdl}\n`, errors: [], hints };
}

export function readCommitted(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
