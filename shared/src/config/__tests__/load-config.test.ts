import { z } from 'zod';
import { ConfigError, boolFlag, loadConfig, subgraphEnv } from '@supply-graph/shared';
import { DEV_INTERNAL_SECRET } from '../secrets';

const ordersConfig = (env: Record<string, string | undefined>) =>
  loadConfig('orders', subgraphEnv('orders', 4001), env);

/** The ConfigError `fn` throws. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('loadConfig with subgraphEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(ordersConfig({})).toEqual({
      name: 'orders',
      port: 4001,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dbSchema: 'orders',
      dbPoolSize: 10,
      requestTimeoutMs: 15000,
      dbStatementTimeoutMs: 15000,
      logLevel: 'info',
      // Readable lines on a terminal, JSON for a pipe or a file (Jest's workers write to pipes).
      logFormat: process.stdout.isTTY ? 'pretty' : 'json',
      internalSecret: DEV_INTERNAL_SECRET,
      internalSecretPrevious: null,
      production: false,
      // No metrics port nor token: loopback callers only (outside production).
      metrics: { port: undefined, host: '0.0.0.0', token: undefined, production: false },
      telemetry: { tracesUrl: null, serviceName: 'orders' },
      natsUrl: undefined,
      natsStream: 'SUPPLY',
      natsSubjectPrefix: undefined,
      outboxRetentionHours: 168,
      outboxRelayBatch: 200,
      eventRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 300_000, pollMs: 1000 },
      peerUrls: {
        orders: 'http://localhost:4001/graphql',
        customers: 'http://localhost:4002/graphql',
        inventory: 'http://localhost:4003/graphql',
        logistics: 'http://localhost:4004/graphql',
        gateway: 'http://localhost:4000/graphql',
      },
    });
  });

  it('reads the retry policy for failing events, and refuses a parking limit below one attempt', () => {
    expect(
      ordersConfig({
        EVENT_MAX_ATTEMPTS: '3',
        EVENT_RETRY_BASE_MS: '50',
        EVENT_RETRY_MAX_MS: '400',
        EVENT_RETRY_POLL_MS: '0',
      }).eventRetry,
    ).toEqual({
      maxAttempts: 3,
      baseDelayMs: 50,
      maxDelayMs: 400,
      pollMs: 0,
    });
    expect(configError(() => ordersConfig({ EVENT_MAX_ATTEMPTS: '0' })).message).toMatch(/EVENT_MAX_ATTEMPTS/);
    expect(configError(() => ordersConfig({ METRICS_PORT: '70000' })).message).toMatch(/METRICS_PORT/);
  });

  it('refuses to start in production on a missing, default or short internal secret', () => {
    for (const secret of [undefined, DEV_INTERNAL_SECRET, 'short']) {
      const env = { NODE_ENV: 'production', ...(secret ? { INTERNAL_TOKEN_SECRET: secret } : {}) };
      expect(configError(() => ordersConfig(env)).message).toMatch(/INTERNAL_TOKEN_SECRET/);
    }
    const secret = 'x'.repeat(40);
    expect(ordersConfig({ NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: secret })).toMatchObject({
      internalSecret: secret,
      production: true,
    });
  });

  it('takes the secret being rotated out as INTERNAL_TOKEN_SECRET_PREVIOUS, held to the rules of the current one', () => {
    const current = 'the-internal-secret-that-replaces-it-0123456789';
    const previous = 'the-internal-secret-being-rotated-out-0123456789';
    const production = { NODE_ENV: 'production', INTERNAL_TOKEN_SECRET: current };
    expect(ordersConfig({ ...production, INTERNAL_TOKEN_SECRET_PREVIOUS: previous })).toMatchObject({
      internalSecret: current,
      internalSecretPrevious: previous,
    });
    const refusals: [Record<string, string>, RegExp][] = [
      [{ ...production, INTERNAL_TOKEN_SECRET_PREVIOUS: current }, /is the same as INTERNAL_TOKEN_SECRET/],
      [{ ...production, INTERNAL_TOKEN_SECRET_PREVIOUS: 'short' }, /must be at least 32 characters/],
      [{ ...production, INTERNAL_TOKEN_SECRET_PREVIOUS: DEV_INTERNAL_SECRET }, /public development default/],
      [{ INTERNAL_TOKEN_SECRET_PREVIOUS: previous }, /needs INTERNAL_TOKEN_SECRET/],
    ];
    for (const [env, message] of refusals) {
      const error = configError(() => ordersConfig(env));
      expect(error.message).toMatch(/INTERNAL_TOKEN_SECRET_PREVIOUS: /);
      expect(error.message).toMatch(message);
    }
    // Outside production the public default may be rotated out (a developer moving to a secret of their own).
    expect(
      ordersConfig({ INTERNAL_TOKEN_SECRET: current, INTERNAL_TOKEN_SECRET_PREVIOUS: DEV_INTERNAL_SECRET }),
    ).toMatchObject({ internalSecretPrevious: DEV_INTERNAL_SECRET });
  });

  it('returns a frozen object', () => {
    const config = ordersConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(4001);
  });

  it("reads the service's own prefixed variables and the shared ones", () => {
    const config = ordersConfig({
      ORDERS_PORT: '5101',
      ORDERS_HOST: '127.0.0.1',
      ORDERS_DB_SCHEMA: 'orders_v2',
      DATABASE_URL: 'postgresql://u:p@db:5432/hub',
      DB_POOL_SIZE: '25',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      REQUEST_TIMEOUT_MS: '8000',
      DB_STATEMENT_TIMEOUT_MS: '0',
      METRICS_PORT: '9464',
      METRICS_TOKEN: ' scrape-token ',
      CUSTOMERS_PORT: '5102',
      NATS_URL: 'nats://bus:4222',
      INVENTORY_URL: 'http://inventory:4003/graphql',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    expect(config).toEqual({
      name: 'orders',
      port: 5101,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://u:p@db:5432/hub',
      dbSchema: 'orders_v2',
      dbPoolSize: 25,
      requestTimeoutMs: 8000,
      dbStatementTimeoutMs: 0,
      logLevel: 'debug',
      logFormat: 'pretty',
      internalSecret: DEV_INTERNAL_SECRET,
      internalSecretPrevious: null,
      production: false,
      metrics: { port: 9464, host: '0.0.0.0', token: 'scrape-token', production: false },
      telemetry: { tracesUrl: 'http://collector:4318/v1/traces', serviceName: 'orders' },
      natsUrl: 'nats://bus:4222',
      natsStream: 'SUPPLY',
      natsSubjectPrefix: undefined,
      outboxRetentionHours: 168,
      outboxRelayBatch: 200,
      eventRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 300_000, pollMs: 1000 },
      peerUrls: {
        orders: 'http://localhost:4001/graphql',
        customers: 'http://localhost:4002/graphql',
        inventory: 'http://inventory:4003/graphql',
        logistics: 'http://localhost:4004/graphql',
        gateway: 'http://localhost:4000/graphql',
      },
    });
  });

  it("ignores another service's variables", () => {
    expect(loadConfig('customers', subgraphEnv('customers', 4002), { ORDERS_PORT: '5101' }).port).toBe(4002);
  });

  it('treats an empty variable as not set', () => {
    const config = ordersConfig({ ORDERS_PORT: '', DATABASE_URL: '  ' });
    expect(config.port).toBe(4001);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('accepts port 0 (a free port) and the edges of the range', () => {
    expect(ordersConfig({ ORDERS_PORT: '0' }).port).toBe(0);
    expect(ordersConfig({ ORDERS_PORT: '65535' }).port).toBe(65535);
  });

  it('names every bad variable in one error', () => {
    const error = configError(() =>
      ordersConfig({
        ORDERS_PORT: 'abc',
        DATABASE_URL: 'mysql://db/hub',
        LOG_LEVEL: 'loud',
        ORDERS_DB_SCHEMA: 'Orders-1',
      }),
    );
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(/^Invalid configuration for orders:/);
    for (const name of ['ORDERS_PORT', 'DATABASE_URL', 'LOG_LEVEL', 'ORDERS_DB_SCHEMA']) {
      expect(error.message).toContain(`- ${name}:`);
    }
    expect(error.message).toContain('must be a postgres:// or postgresql:// URL');
    expect(error.message).toContain("received 'loud'");
    expect(error.message).not.toMatch(/ORDERS_HOST|DB_POOL_SIZE/);
  });

  it.each([
    ['ORDERS_PORT', '70000'],
    ['ORDERS_PORT', '40.5'],
    ['DB_POOL_SIZE', '0'],
    ['DB_POOL_SIZE', '500'],
  ])('rejects %s=%s', (name, value) => {
    expect(configError(() => ordersConfig({ [name]: value })).message).toContain(`- ${name}:`);
  });
});

describe('boolFlag', () => {
  const flags = (value: string | undefined, fallback: boolean) =>
    loadConfig('svc', z.object({ FLAG: boolFlag(fallback) }), { FLAG: value }).FLAG;

  it.each(['true', 'TRUE', '1', 'yes'])('reads %p as true', (value) => expect(flags(value, false)).toBe(true));
  it.each(['false', 'False', '0', 'no'])('reads %p as false', (value) => expect(flags(value, true)).toBe(false));

  it('falls back when unset or empty', () => {
    expect(flags(undefined, true)).toBe(true);
    expect(flags('', false)).toBe(false);
  });

  it('rejects anything else, quoting the value', () => {
    expect(configError(() => flags('maybe', true)).message).toContain('FLAG: expected true or false, got "maybe"');
  });
});
