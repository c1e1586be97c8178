import { loadPlatformConfig } from '@supply-graph/platform';

describe('npm start: where the services listen', () => {
  it('hosting every service, the subgraphs listen on 127.0.0.1 (only the gateway faces clients)', () => {
    const config = loadPlatformConfig({});
    expect(Object.values(config.subgraphs).map((s) => s.host)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
    ]);
    expect(config.gateway.host).toBe('0.0.0.0');
  });

  it('an explicit *_HOST wins, and a process hosting only some subgraphs keeps the services default', () => {
    expect(loadPlatformConfig({ ORDERS_HOST: '0.0.0.0' }).subgraphs.orders.host).toBe('0.0.0.0');
    expect(loadPlatformConfig({ PLATFORM_SUBGRAPHS: 'orders' }).subgraphs.orders.host).toBe('0.0.0.0');
  });
});
