import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The body of a request to one of the gateway's own routes, as text; rejects
 * past `maxBytes` (the rest is read and dropped, so the route can still answer).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    const onData = (chunk: string) => {
      text += chunk;
      if (Buffer.byteLength(text) <= maxBytes) return;
      req.off('data', onData);
      req.resume();
      text = '';
      reject(new Error(`the body is larger than ${maxBytes} bytes`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(text));
    req.once('error', reject);
  });
}

/** Answers a route with JSON; true, so a route can `return sendJson(...)`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): true {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
  return true;
}
