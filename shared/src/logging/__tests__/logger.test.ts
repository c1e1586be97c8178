import { QueryFailedError } from 'typeorm';
import { lazyChild, REDACTED } from '@supply-graph/shared';
import { memoryLogger } from '@supply-graph/shared/testing';

const EMAIL = 'zhang.li@example.com';
const PHONE = '+8613800000923';

/** What node-postgres reports for a unique violation: the row's value is in `detail`. */
function uniqueViolation(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "customer_email_key"'), {
    code: '23505',
    detail: `Key (email)=(${EMAIL}) already exists.`,
    constraint: 'customer_email_key',
  });
}

describe('createLogger redaction', () => {
  it('redacts PII and secrets at the top of a line and nested, keeping the keys and everything else', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        orderId: 'o1',
        email: EMAIL,
        input: { buyer: { name: 'Zhang Li', email: EMAIL, phone: PHONE }, channel: 'tmall' },
        shippingAddress: { name: 'Zhang Li', line1: '9 Huaihai Road', city: 'Shanghai' },
        req: { headers: { authorization: 'Bearer eyJhbGciOi', 'x-request-id': 'r1' } },
        client: { clientSecret: 's3cret', token: 'tok' },
        variables: { phone: PHONE },
      },
      'order placed',
    );
    const [line] = lines();
    expect(line).toMatchObject({
      msg: 'order placed',
      orderId: 'o1',
      email: REDACTED,
      input: { buyer: { name: REDACTED, email: REDACTED, phone: REDACTED }, channel: 'tmall' },
      shippingAddress: { name: REDACTED, line1: REDACTED, city: 'Shanghai' },
      req: { headers: { authorization: REDACTED, 'x-request-id': 'r1' } },
      client: { clientSecret: REDACTED, token: REDACTED },
      variables: REDACTED,
    });
  });

  it('keeps a name that is not a person (a job, a service)', () => {
    const { logger, lines } = memoryLogger();
    logger.warn({ name: 'orders', job: { name: 'outbox-prune' } }, 'subgraph did not stop cleanly');
    expect(lines()[0]).toMatchObject({ name: 'orders', job: { name: 'outbox-prune' } });
  });

  it("redacts what a failed statement's error repeats of the row and its parameters", () => {
    const { logger, text, lines } = memoryLogger();
    const err = new QueryFailedError(
      'INSERT INTO customer (name, email) VALUES ($1, $2)',
      ['Zhang Li', EMAIL],
      uniqueViolation(),
    );
    logger.error({ err }, 'unexpected error');
    expect(text()).not.toContain(EMAIL);
    expect(text()).not.toContain('Zhang Li');
    const [line] = lines();
    expect(line.err).toMatchObject({
      detail: REDACTED,
      parameters: REDACTED,
      query: 'INSERT INTO customer (name, email) VALUES ($1, $2)',
    });
    expect(line.err.message).toContain('customer_email_key');
  });
});

describe('lazyChild', () => {
  it('logs with its bindings, redacted like any line, and makes the child only when first used', () => {
    const { logger, lines } = memoryLogger();
    const child = jest.spyOn(logger, 'child');
    const log = lazyChild(logger, { requestId: 'r1' });
    expect(child).not.toHaveBeenCalled();
    expect(log.isLevelEnabled('info')).toBe(true);
    log.info({ email: EMAIL }, 'first');
    log.warn('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines().map(({ requestId, email, msg }) => ({ requestId, email, msg }))).toEqual([
      { requestId: 'r1', email: REDACTED, msg: 'first' },
      { requestId: 'r1', email: undefined, msg: 'second' },
    ]);
  });
});
