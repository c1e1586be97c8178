/**
 * Groups work items into batches while keeping each lane's items in arrival
 * order: items are spread over `lanes` queues by their key, and each queue
 * hands everything that piled up while its previous batch ran to `run` as
 * the next batch. Under light load a batch is one item (no added latency);
 * under load batches grow on their own, which is when they save the most.
 */
export class LaneBatcher<T> {
  private readonly queues: T[][];
  private readonly running: (Promise<void> | null)[];

  constructor(
    lanes: number,
    private readonly maxBatch: number,
    private readonly keyOf: (item: T) => string,
    private readonly run: (batch: T[]) => Promise<void>,
  ) {
    this.queues = Array.from({ length: lanes }, () => []);
    this.running = this.queues.map(() => null);
  }

  add(item: T): void {
    const lane = hash(this.keyOf(item)) % this.queues.length;
    this.queues[lane].push(item);
    if (!this.running[lane]) this.running[lane] = this.work(lane);
  }

  /** Resolves when every item added so far has been run. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
  }

  private async work(lane: number): Promise<void> {
    const queue = this.queues[lane];
    try {
      while (queue.length) await this.run(queue.splice(0, this.maxBatch));
    } finally {
      this.running[lane] = null;
    }
  }
}

/** FNV-1a: cheap and spreads aggregate ids evenly. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
