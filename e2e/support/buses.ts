import { type BusKind, describeEachBackend, type TestBackend, testBuses } from '@supply-graph/shared/testing';

/**
 * `describe` once per event bus and backend (`describeEachBackend`): in-process,
 * and NATS JetStream, whose blocks are registered as skipped, saying so in their
 * title, when no NATS server answers (on CI a missing server fails the run).
 * `only` limits it to one bus, for a suite that needs what only that bus gives.
 */
export function describeEachBus(
  title: string,
  body: (bus: BusKind, backend: TestBackend) => void,
  only?: BusKind,
): void {
  for (const { bus, skip, note } of testBuses().filter((b) => !only || b.bus === only)) {
    (skip ? describe.skip : describe)(title, () => {
      describeEachBackend(`[${note}]`, (backend) => body(bus, backend));
    });
  }
}
