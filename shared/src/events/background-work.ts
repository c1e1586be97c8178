import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work for the event machinery (relay, consumers) on a query runner
 * tagged `origin: events`, in one transaction when asked. The SQL logger
 * counts these statements apart from those of GraphQL requests.
 */
export async function backgroundWork<T>(
  dataSource: DataSource,
  fn: (manager: EntityManager) => Promise<T>,
  { transaction }: { transaction: boolean },
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  runner.data = { origin: 'events' };
  await runner.connect();
  try {
    if (!transaction) return await fn(runner.manager);
    await runner.startTransaction();
    try {
      const result = await fn(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    }
  } finally {
    await runner.release();
  }
}
