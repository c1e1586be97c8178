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
 * Each bus runs on one PostgreSQL when there is a server (CI): NATS on the
 * server, since NATS beside a server PostgreSQL is how the platform scales out
 * (beside the embedded one it is no deployment); the in-process bus on the
 * embedded one, as `npm start` runs it. Without a server both run on the
 * embedded one. The run is CPU-bound, and these suites ask about the bus: both
 * PostgreSQLs are still covered by every bus-independent suite
 * (`describeEachBackend`), and each pairing left out cost a third of these
 * suites' time. A skipped pairing says so in its title.
 */
export function describeEachBus(
  title: string,
  body: (bus: BusKind, backend: TestBackend) => void,
  only?: BusKind,
): void {
  for (const { bus, skip, note } of testBuses().filter((b) => !only || b.bus === only)) {
    (skip ? describe.skip : describe)(title, () => {
      const server = testBackends().find((b) => b.backend.name === 'server' && !b.skip);
      if (!server) {
        describeEachBackend(`[${note}]`, (backend) => body(bus, backend));
        return;
      }
      const embedded = testBackends().find((b) => b.backend.name === 'embedded')!;
      if (bus === 'nats') {
        describe.skip(`[${note}] [embedded PostgreSQL: skipped, NATS runs beside the server PostgreSQL]`, () =>
          body(bus, embedded.backend));
        describe(`[${note}] [server PostgreSQL]`, () => body(bus, server.backend));
      } else {
        describe(`[${note}] [embedded PostgreSQL]`, () => body(bus, embedded.backend));
        describe.skip(`[${note}] [server PostgreSQL: skipped, the in-process bus runs beside the embedded one]`, () =>
          body(bus, server.backend));
      }
    });
  }
}
