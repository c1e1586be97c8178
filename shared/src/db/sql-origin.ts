import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks work a subgraph does on its own, outside any request (periodic jobs:
 * webhook dispatch, retries, pruning), so the SQL logger counts its
 * statements with the event machinery's (`origin: events`) and request costs
 * stay measurable whatever runs in the background at the same moment.
 * The relay and consumers tag their query runners instead (backgroundWork).
 */
const background = new AsyncLocalStorage<true>();

export function runInBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

export const inBackground = (): boolean => background.getStore() === true;
