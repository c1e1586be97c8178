import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from '../webhook-sender';

describe('sendWebhook and internal targets', () => {
  let server: Server;
  let hits = 0;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = (target: string) => ({
    url: target,
    secret: 'a-secret-of-16ch',
    eventId: '0000000000000001',
    deliveryId: 'd-1',
    body: '{}',
  });

  it('does not send to an internal address: the attempt fails without a request', async () => {
    const before = hits;
    const result = await sendWebhook(request(url), 2000);
    expect(result).toMatchObject({
      statusCode: null,
      error: 'refused: the host resolves to the internal address 127.0.0.1',
    });
    // A name that resolves inside is refused the same way.
    const byName = await sendWebhook(request(url.replace('127.0.0.1', 'localhost')), 2000);
    expect(byName.error).toMatch(/^refused: the host resolves to the internal address (127\.0\.0\.1|::1)$/);
    expect(hits).toBe(before);
  });

  it('sends when internal targets are allowed', async () => {
    const before = hits;
    const result = await sendWebhook(request(url), 2000, { allowPrivateTargets: true });
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(hits).toBe(before + 1);
  });
});

describe('sendWebhook connects where it checked (no DNS-rebinding window)', () => {
  let server: Server;
  let port: number;
  const hosts: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hosts.push(String(req.headers.host));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('uses the address its check resolved, not a second lookup of the name', async () => {
    // `partner.invalid` resolves nowhere (RFC 6761): only the checked address (faked here as 127.0.0.1,
    // with private targets allowed) can have reached the server, under the partner's own host name.
    const dns = jest.requireActual<typeof import('node:dns/promises')>('node:dns/promises');
    const lookup = jest.spyOn(dns, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
    try {
      const result = await sendWebhook(
        {
          url: `http://partner.invalid:${port}/hook`,
          secret: 'a-secret-of-16ch',
          eventId: '0000000000000002',
          deliveryId: 'd-2',
          body: '{}',
        },
        2000,
        { allowPrivateTargets: true },
      );
      expect(result).toMatchObject({ statusCode: 200, error: null });
      expect(hosts).toEqual([`partner.invalid:${port}`]);
      expect(lookup).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
    }
  });
});
