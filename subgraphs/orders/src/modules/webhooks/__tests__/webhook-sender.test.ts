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

  const request = (target: string) => ({ url: target, secret: 'a-secret-of-16ch', eventId: '0000000000000001', deliveryId: 'd-1', body: '{}' });

  it('does not send to an internal address: the attempt fails without a request', async () => {
    const before = hits;
    const result = await sendWebhook(request(url), 2000);
    expect(result).toMatchObject({ statusCode: null, error: 'refused: the host resolves to the internal address 127.0.0.1' });
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
