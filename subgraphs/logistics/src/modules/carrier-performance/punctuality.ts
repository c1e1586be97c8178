import type { EventTransaction } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';

/** A carrier's observed record: shipments judged, those on time, faults held against it. */
export interface CarrierRecord {
  delivered: number;
  onTime: number;
  carrierFaults: number;
  /** Shipments judged: delivered or failed by the carrier (a delivered shipment with a fault counts once). */
  observed: number;
}

export const NO_RECORD: Readonly<CarrierRecord> = { delivered: 0, onTime: 0, carrierFaults: 0, observed: 0 };

/**
 * The on-time rate to plan with: the rate card's `prior` counted as `priorWeight` shipments, plus what was
 * observed (a beta-binomial posterior mean): (onTime + prior x w) / (observed + w). With no record it is the
 * prior; as observations pile up they outweigh it. w = 0 with no record falls back to the prior.
 */
export function blendedOnTimeRate(prior: number, record: Readonly<CarrierRecord>, priorWeight: number): number {
  const denominator = record.observed + priorWeight;
  return denominator > 0 ? (record.onTime + prior * priorWeight) / denominator : prior;
}

/** The records a planning run needs, and the prior weight to blend them with. */
export interface Punctuality {
  records: ReadonlyMap<string, CarrierRecord>;
  priorWeight: number;
}

const RECORDS_SQL = `SELECT carrier_code AS "carrier", delivered, on_time AS "onTime", carrier_faults AS "carrierFaults",
  observed FROM carrier_performance`;

/** Reads every carrier's record (one row per carrier). */
export async function readCarrierRecords(db: Pick<EntityManager, 'query'>): Promise<Map<string, CarrierRecord>> {
  const rows = (await db.query(RECORDS_SQL)) as (CarrierRecord & { carrier: string })[];
  return new Map(rows.map(({ carrier, ...r }) => [carrier, r]));
}

/**
 * Moves on after every commit in this process that changed a carrier record (a delivery judged, a fault held
 * against a carrier): every cache of this process then reads again. Process-wide rather than per cache because
 * the writers (tracking, the desk's outcomes) have no handle on planning's cache; a process with two databases
 * (tests) only reads once more than it needs to.
 */
let recordsGeneration = 0;

/** Called by a transaction that changed a carrier record: once it commits, the caches of this process drop theirs. */
export function carrierRecordsChanged(tx: EventTransaction): void {
  tx.afterCommit(() => {
    recordsGeneration += 1;
  });
}

/**
 * The carrier records for planning, read at most once per `ttlMs` per process: planning runs once per reserved
 * order, and the records move slowly. A change committed by this process (a delivery, a resolved exception) is
 * seen by the next planning run: the cache drops its copy after that commit, not before it, so a read in between
 * cannot keep the old figures. Other replicas' changes show within the TTL.
 */
export class CarrierRecordCache {
  private cached: { at: number; generation: number; records: Promise<Map<string, CarrierRecord>> } | null = null;

  constructor(
    readonly priorWeight: number,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async punctuality(db: Pick<EntityManager, 'query'>): Promise<Punctuality> {
    const fresh =
      this.cached && this.cached.generation === recordsGeneration && this.now() - this.cached.at < this.ttlMs;
    if (!fresh) {
      const records = readCarrierRecords(db);
      this.cached = { at: this.now(), generation: recordsGeneration, records };
      // A failed read is not kept: the next run tries again.
      records.catch(() => {
        if (this.cached?.records === records) this.cached = null;
      });
    }
    return { records: await this.cached!.records, priorWeight: this.priorWeight };
  }
}
