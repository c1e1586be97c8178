import { Pool } from 'undici';

/** How long a replica that refused or broke a connection is passed over while another is up. */
const DOWN_MS = 2_000;

/**
 * A keep-alive undici pool per replica of one subgraph, taken in turn. A
 * replica that just failed a call is passed over for a moment, and a call that
 * must be sent again never goes back to a replica it already tried, so every
 * live replica gets its chance within one call (undici's BalancedPool lowers a
 * failing upstream's weight gradually, and may pick the same dead one again).
 */
export class ReplicaPools {
  private readonly pools: Pool[];
  private readonly downUntil: number[];
  private turn = 0;

  constructor(origins: string[], options: Pool.Options) {
    this.pools = origins.map((origin) => new Pool(origin, options));
    this.downUntil = origins.map(() => 0);
  }

  get size(): number {
    return this.pools.length;
  }

  /** The replica to send to next: in turn, not one in `tried`, and one not recently failed while another is up. */
  pick(tried: ReadonlySet<number>): number {
    const now = Date.now();
    let fallback = -1;
    for (let step = 0; step < this.pools.length; step++) {
      const i = (this.turn + step) % this.pools.length;
      if (tried.has(i)) continue;
      if (this.downUntil[i] <= now) {
        this.turn = i + 1;
        return i;
      }
      if (fallback < 0) fallback = i;
    }
    this.turn = fallback + 1;
    return fallback;
  }

  pool(i: number): Pool {
    return this.pools[i];
  }

  markDown(i: number): void {
    this.downUntil[i] = Date.now() + DOWN_MS;
  }

  close(): Promise<void> {
    return Promise.all(this.pools.map((p) => p.close())).then(() => undefined);
  }
}
