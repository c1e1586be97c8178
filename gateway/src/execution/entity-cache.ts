import { LRUCache } from 'lru-cache';
import { EventTypes, type EntityChanged, type EventBus, type Logger, type Principal } from '@supply-graph/shared';
import { entityCacheMetrics } from '../metrics';

/**
 * The subgraphs' `_entities` answers, kept per entity and dropped by the
 * platform's own change feed: every transaction that changes a subgraph's
 * data writes an `entity.changed` event in its outbox (a trigger on every
 * table: shared/src/events/entity-changes.ts), and when the gateway sees it on
 * the bus it forgets everything it cached from that subgraph. An entry lives
 * until its subgraph changes or the memory bound pushes it out; a maximum age
 * (5 minutes) only bounds what a change event lost on the way could leave.
 *
 * What a read can return: never something older than the last change event
 * the gateway has seen. Each subgraph has a generation, raised by every
 * event; an answer is stored only if no event came while it was on its way,
 * so a fetch that read before a change and arrives after its event never
 * lands in the cache. A mutation through this gateway drops its subgraph's
 * entries as soon as it answers, without waiting for the event.
 *
 * Who sees what: the key holds the caller's access exactly as the subgraph
 * receives it (kind, sub, scopes, channels: the internal token's claims), so
 * an answer is only ever served to a caller for whom the subgraph would have
 * written the same one; masked PII stays masked. A subgraph answer that
 * showed real PII (`Cache-Control: no-store`, audited per read) or carried
 * errors is not kept.
 */

/** One subgraph's hit and miss counters. */
interface LookupCounters {
  hit: { inc(): void };
  miss: { inc(): void };
}

export interface EntityCacheOptions {
  /** Memory bound over the kept answers' text, in bytes. */
  maxBytes: number;
  /**
   * A safety net, not the way entries end: the longest an entry is kept, in ms, so that an event the gateway
   * never heard (a bus outage longer than its tail rides out) cannot leave an answer stale for longer. Default
   * 5 minutes.
   */
  maxAgeMs?: number;
}

export class EntityCache {
  /**
   * Every subgraph's answers under one memory bound, keyed with their subgraph's generation: raising it makes the
   * older entries unreachable at once (no read can return them), and the bound evicts them as the least used.
   */
  private readonly entries: LRUCache<string, string>;
  private readonly generations = new Map<string, number>();
  private readonly counters = new Map<string, LookupCounters>();
  private stopFollowing: (() => Promise<void>) | null = null;

  constructor(
    options: EntityCacheOptions,
    private readonly logger?: Logger,
  ) {
    this.entries = new LRUCache<string, string>({
      maxSize: options.maxBytes,
      ttl: options.maxAgeMs ?? 5 * 60_000,
      // Expiry checked on read, without a timer per entry.
      ttlAutopurge: false,
      // UTF-16 strings: two bytes a character.
      sizeCalculation: (value, key) => 2 * (value.length + key.length),
    });
  }

  /** Tails the bus's change events; until then the cache keeps nothing. */
  async follow(bus: EventBus): Promise<void> {
    this.stopFollowing = await bus.tail([EventTypes.entityChanged], (event) => {
      const { subgraph } = event.payload as EntityChanged;
      this.invalidate(subgraph, 'change event');
    });
  }

  async stop(): Promise<void> {
    const stop = this.stopFollowing;
    this.stopFollowing = null;
    this.entries.clear();
    await stop?.();
  }

  /** The subgraph's generation now: pass it to `set` for an answer fetched from this moment on. */
  generation(subgraph: string): number {
    return this.generations.get(subgraph) ?? 0;
  }

  /** The kept answer (JSON text), or undefined. */
  get(subgraph: string, key: string): string | undefined {
    const text = this.entries.get(`${subgraph}\u0000${this.generation(subgraph)}\u0000${key}`);
    const counters = this.lookupCounters(subgraph);
    (text === undefined ? counters.miss : counters.hit).inc();
    return text;
  }

  /** Keeps an answer fetched since `generation`; dropped if the subgraph changed meanwhile. */
  set(subgraph: string, key: string, text: string, generation: number): void {
    if (this.stopFollowing === null || this.generation(subgraph) !== generation) return;
    this.entries.set(`${subgraph}\u0000${generation}\u0000${key}`, text);
  }

  /**
   * The subgraph's hit and miss counters, bound once: a lookup runs per entity (tens per 360 request), and
   * prom-client hashes a label object on every `inc` it is given.
   */
  private lookupCounters(subgraph: string): LookupCounters {
    let counters = this.counters.get(subgraph);
    if (!counters) {
      counters = {
        hit: entityCacheMetrics.lookups.labels({ subgraph, outcome: 'hit' }),
        miss: entityCacheMetrics.lookups.labels({ subgraph, outcome: 'miss' }),
      };
      this.counters.set(subgraph, counters);
    }
    return counters;
  }

  /** Forgets every answer of the subgraph, and every answer on its way from it. */
  invalidate(subgraph: string, why: string): void {
    this.generations.set(subgraph, this.generation(subgraph) + 1);
    this.logger?.debug({ subgraph, why }, 'entity cache: subgraph answers dropped');
    entityCacheMetrics.invalidations.inc({ subgraph });
  }
}

/** The caller's access as the subgraphs receive it: every claim of the internal token that can change an answer. */
export function cacheAccessKey(principal: Principal): string {
  const scopes = [...principal.scopes].sort().join(' ');
  return `${principal.kind}\n${principal.sub}\n${scopes}\n${principal.channels?.join(',') ?? '*'}`;
}

/** Subgraph answers a cache must not keep (`Cache-Control: no-store`): marked by the data source that got them. */
const unstorable = new WeakSet<object>();

export function markUnstorable(answer: object): void {
  unstorable.add(answer);
}

export function isStorable(answer: object): boolean {
  return !unstorable.has(answer);
}
