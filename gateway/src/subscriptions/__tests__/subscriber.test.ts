import type { ExecutionResult } from 'graphql';
import { Delivery } from '../delivery';
import { Subscriber, type DeliveryWriter, type FlushScheduler } from '../subscriber';
import { WriteScheduler } from '../write-scheduler';

const delivery = (n: number) => new Delivery({ data: { orderStatusChanged: { n } } });
const numbers = (batch: readonly Delivery[]) =>
  batch.map((d) => (d.result.data as { orderStatusChanged: { n: number } }).orderStatusChanged.n);

/** A connection that records each write (a batch of events) and takes it only when told to. */
function connection() {
  const writes: number[][] = [];
  const pending: ((error?: Error) => void)[] = [];
  const writer: DeliveryWriter = {
    write(batch, written) {
      writes.push(numbers(batch));
      pending.push(written);
    },
  };
  const takeAll = () => {
    for (const written of pending.splice(0)) written();
  };
  return { writer, writes, takeAll };
}

/** A scheduler that flushes when the test says so. */
function manualScheduler() {
  const due: Subscriber<unknown>[] = [];
  const scheduler: FlushScheduler = { schedule: (s) => void due.push(s) };
  const run = () => {
    for (const s of due.splice(0)) s.flush();
  };
  return { scheduler, run };
}

describe('Subscriber with a writer', () => {
  it('writes what waited first, then each event in order, several in one write while the last is not taken', () => {
    const s = new Subscriber({ orderId: null, customerId: null, channel: null, channels: null }, 10, 0n);
    const { writer, writes, takeAll } = connection();
    const { scheduler, run } = manualScheduler();
    s.push(1n, delivery(1));
    s.writeWith(writer, scheduler);
    run();
    expect(writes).toEqual([[1]]);
    // The connection has not taken event 1 yet: 2 and 3 wait, and then go out together.
    s.push(2n, delivery(2));
    s.push(3n, delivery(3));
    run();
    expect(writes).toEqual([[1]]);
    takeAll();
    run();
    expect(writes).toEqual([[1], [2, 3]]);
    // A redelivered event is not written again.
    s.push(3n, delivery(3));
    takeAll();
    run();
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('cuts off a subscriber whose connection stops taking writes, naming the last event it was sent', async () => {
    const s = new Subscriber({ orderId: null, customerId: null, channel: null, channels: null }, 2, 0n);
    const { writer, writes } = connection();
    const { scheduler, run } = manualScheduler();
    const failures: Error[] = [];
    s.onFailure = (e) => failures.push(e);
    s.writeWith(writer, scheduler);
    const ended = s.next();
    for (let n = 1; n <= 4; n += 1) {
      s.push(BigInt(n), delivery(n));
      run();
    }
    expect(writes).toEqual([[1]]);
    expect(failures).toMatchObject([{ code: 'SUBSCRIBER_TOO_SLOW', extensions: { lastEventId: '0000000000000001' } }]);
    // The transport's iterator carries no events here; it reports how the subscription ended.
    await expect(ended).rejects.toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW' });
  });

  it('ends the iterator, and writes nothing more, when the client unsubscribes', async () => {
    const s = new Subscriber({ orderId: null, customerId: null, channel: null, channels: null }, 10, 0n);
    const { writer, writes, takeAll } = connection();
    const { scheduler, run } = manualScheduler();
    s.writeWith(writer, scheduler);
    const ended: Promise<IteratorResult<ExecutionResult>> = s.next();
    s.push(1n, delivery(1));
    run();
    await s.return();
    await expect(ended).resolves.toEqual({ value: undefined, done: true });
    s.push(2n, delivery(2));
    takeAll();
    run();
    expect(writes).toEqual([[1]]);
  });
});

describe('WriteScheduler', () => {
  it('reaches every subscriber a slice at a time; those not reached yet when the next event comes get both at once', async () => {
    const scheduler = new WriteScheduler(100);
    const subscribers = Array.from({ length: 250 }, () => {
      const s = new Subscriber({ orderId: null, customerId: null, channel: null, channels: null }, 10, 0n);
      const c = connection();
      s.writeWith(
        {
          write(batch, written) {
            c.writer.write(batch, written);
            c.takeAll();
          },
        },
        scheduler,
      );
      return { s, writes: c.writes };
    });
    for (const { s } of subscribers) s.push(1n, delivery(1));
    // One turn of the event loop: the first slice is written; then event 2 arrives.
    await new Promise((r) => setImmediate(r));
    for (const { s } of subscribers) s.push(2n, delivery(2));
    // Turns of the event loop, not time: a busy machine must not change the outcome.
    for (let turn = 0; turn < 10; turn += 1) await new Promise((r) => setImmediate(r));
    expect(subscribers.slice(0, 100).map((x) => x.writes)).toEqual(Array(100).fill([[1], [2]]));
    expect(subscribers.slice(100).map((x) => x.writes)).toEqual(Array(150).fill([[1, 2]]));
  });
});
