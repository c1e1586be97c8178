import {
  type BusKind,
  describeEachBackend,
  type TestBackend,
  testBackends,
  testBuses,
} from '@supply-graph/shared/testing';

/**
 * `describe` once per event bus and backend (`describeEachBackend`): in-process,
 * and NATS JetStream, whose blocks are registered as skipped, saying so in their
 * title, when no NATS server answers (on CI a missing server fails the run).
 * `only` limits it to one bus, for a suite that needs what only that bus gives.
 *
 * NATS runs on the server PostgreSQL when there is one (CI), and on the embedded
 * one only when there is not: NATS beside a server PostgreSQL is how the platform
 * scales out, NATS beside the embedded one is no deployment, and the run is
 * CPU-bound (this pairing cost a quarter of these suites' time). The skipped
 * pairing says so in its title.
 */
export function describeEachBus(
  title: string,
  body: (bus: BusKind, backend: TestBackend) => void,
  only?: BusKind,
): void {
  for (const { bus, skip, note } of testBuses().filter((b) => !only || b.bus === only)) {
    (skip ? describe.skip : describe)(title, () => {
      const server = testBackends().find((b) => b.backend.name === 'server' && !b.skip);
      if (bus !== 'nats' || !server) {
        describeEachBackend(`[${note}]`, (backend) => body(bus, backend));
        return;
      }
      const embedded = testBackends().find((b) => b.backend.name === 'embedded')!;
      describe.skip(`[${note}] [embedded PostgreSQL: skipped, NATS runs beside the server PostgreSQL]`, () =>
        body(bus, embedded.backend));
      describe(`[${note}] [server PostgreSQL]`, () => body(bus, server.backend));
    });
  }
}
