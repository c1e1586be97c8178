import { infrastructureError } from '../unavailable';

/** How failures from TypeORM / node-postgres / graphql-js reach formatError, wrapped as they arrive. */
const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('infrastructureError tells an unreachable database from a bug', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a server shutting down (57P01, wrapped by TypeORM)',
      {
        name: 'QueryFailedError',
        driverError: pgError('57P01', 'terminating connection due to administrator command'),
      },
    ],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a dropped connection, said only in words', new Error('Connection terminated unexpectedly')],
    ['a non-Error thrown value wrapped by graphql-js', { name: 'NonErrorThrown', thrownValue: { code: 'ECONNRESET' } }],
    [
      "a transaction whose connection was cut (TypeORM's next statement)",
      Object.assign(
        new Error(
          'Database connection provided by a query runner was already released, ' +
            'cannot continue to use its querying methods anymore.',
        ),
        {
          name: 'QueryRunnerProviderAlreadyReleasedError',
        },
      ),
    ],
  ])('%s is SERVICE_UNAVAILABLE naming the service, retryable', (_what, err) => {
    const mapped = infrastructureError(err, 'orders');
    expect(mapped?.code).toBe('SERVICE_UNAVAILABLE');
    expect(mapped?.extensions).toMatchObject({ serviceName: 'orders', retryable: true, retryAfterSeconds: 1 });
  });

  it('a statement cancelled at statement_timeout is DEADLINE_EXCEEDED', () => {
    expect(
      infrastructureError(
        { driverError: pgError('57014', 'canceling statement due to statement timeout') },
        'customers',
      )?.code,
    ).toBe('DEADLINE_EXCEEDED');
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['integer out of range', pgError('22003', 'integer out of range')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is not (it stays INTERNAL)', (_what, err) => {
    expect(infrastructureError(err, 'orders')).toBeNull();
  });
});
