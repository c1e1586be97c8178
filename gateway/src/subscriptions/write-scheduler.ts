import type { FlushScheduler, Subscriber } from './subscriber';

/**
 * Flushes the subscribers given to it a slice at a time, each slice in its
 * own turn of the event loop. A fan-out to thousands of sockets takes a while
 * (one write system call each); between slices the next event gets resolved,
 * and the subscribers not reached yet then take both events in one write
 * instead of two. Also, nothing else in the process waits for a whole
 * fan-out.
 */
export class WriteScheduler implements FlushScheduler {
  private pending: Subscriber<unknown>[] = [];
  private next = 0;
  private running = false;

  constructor(
    /** Subscribers flushed per turn of the event loop. */
    private readonly slice = 500,
  ) {}

  schedule(subscriber: Subscriber<unknown>): void {
    this.pending.push(subscriber);
    if (this.running) return;
    this.running = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    const end = Math.min(this.pending.length, this.next + this.slice);
    for (; this.next < end; this.next += 1) this.pending[this.next].flush();
    if (this.next < this.pending.length) {
      setImmediate(this.run);
      return;
    }
    this.pending = [];
    this.next = 0;
    this.running = false;
  };
}
