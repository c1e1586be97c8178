import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { callPeer, staticPeers } from '../peers';
import { isReplicaList, replicaUrls } from '../replicas';

/** A peer that answers every call with `{ data: { who: name } }`, counting them. */
async function peer(name: string) {
  let calls = 0;
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { who: name } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('service replicas given as one comma-separated URL', () => {
  it('reads the list and refuses what is not a list of http(s) URLs on one path', () => {
    expect(replicaUrls('http://a:1/graphql, http://b:1/graphql')).toEqual(['http://a:1/graphql', 'http://b:1/graphql']);
    expect(isReplicaList('http://a:1/graphql')).toBe(true);
    expect(isReplicaList('http://a:1/graphql,https://b:2/graphql')).toBe(true);
    expect(isReplicaList('http://a:1/graphql,http://b:1/other')).toBe(false);
    expect(isReplicaList('ftp://a/graphql')).toBe(false);
    expect(isReplicaList(' , ')).toBe(false);
  });

  it('asks the replicas of a peer in turn', async () => {
    const [a, b] = [await peer('a'), await peer('b')];
    try {
      const peers = staticPeers({ customers: `${a.url},${b.url}` });
      for (let i = 0; i < 6; i++) await callPeer(peers, 'customers', `r${i}`, '{ who }', {});
      expect([a.calls(), b.calls()]).toEqual([3, 3]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('goes to the next replica when one refuses the connection, and says unavailable when all do', async () => {
    const [down, up] = [await peer('down'), await peer('up')];
    await down.close();
    try {
      const peers = staticPeers({ customers: `${down.url},${up.url}` });
      for (let i = 0; i < 4; i++)
        expect(await callPeer(peers, 'customers', `r${i}`, '{ who }', {})).toEqual({ who: 'up' });
      expect(up.calls()).toBe(4);
      const none = staticPeers({ customers: `${down.url},${down.url}` });
      await expect(callPeer(none, 'customers', 'r', '{ who }', {})).rejects.toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
      });
    } finally {
      await up.close();
    }
  });
});
