import { fitInto } from './binpacking-3d';
import { boxVolumeMm3, type BoxSpec, type PackItem, type PackedBox, type PackingStrategy } from './packing-strategy';

const unitVolume = (i: PackItem) => i.lengthMm * i.widthMm * i.heightMm;
const sorted = (a: number, b: number, c: number) => [a, b, c].sort((x, y) => x - y);

/** The unit fits the box on its own in some rotation, within its weight limit. */
function fitsAlone(i: PackItem, box: BoxSpec): boolean {
  const [u, b] = [sorted(i.lengthMm, i.widthMm, i.heightMm), sorted(box.lengthMm, box.widthMm, box.heightMm)];
  return u.every((d, k) => d <= b[k]) && i.weightGrams + box.tareGrams <= box.maxWeightGrams;
}

/**
 * The smallest box (by volume) that holds every unit within its weight limit;
 * when none does, the largest box filled as far as it goes, and again for the
 * rest (greedy), the last lot in the smallest box that holds it. A unit no box
 * holds ships in its own packaging (`box` null). The geometry is binpackingjs's
 * 3D packer (rotations allowed); this class only chooses boxes.
 */
export class SmallestBoxPacking implements PackingStrategy {
  readonly name = 'smallest-box';

  pack(items: readonly PackItem[], boxes: readonly BoxSpec[]): PackedBox[] {
    const bySize = [...boxes].sort((a, b) => boxVolumeMm3(a) - boxVolumeMm3(b) || a.code.localeCompare(b.code));
    const largest = bySize.at(-1);
    // A unit not even the largest box takes alone ships in its own packaging; everything else goes in boxes.
    const parcels: PackedBox[] = items
      .filter((i) => !largest || !fitsAlone(i, largest))
      .map((i) => ({
        box: null,
        placements: [{ sku: i.sku, position: [0, 0, 0], size: [i.lengthMm, i.widthMm, i.heightMm] }],
      }));
    let rest = largest ? items.filter((i) => fitsAlone(i, largest)) : [];
    while (rest.length && largest) {
      const whole = this.smallestHolding(rest, bySize);
      if (whole) {
        parcels.push(whole);
        break;
      }
      const partial = this.fill(largest, rest);
      // Cannot be empty: every unit left fits the largest box alone, and the packer places the biggest first.
      if (!partial.parcel.placements.length) throw new Error('the packer placed nothing in a box that holds each unit');
      parcels.push(partial.parcel);
      rest = partial.rest;
    }
    return parcels;
  }

  private smallestHolding(items: PackItem[], bySize: BoxSpec[]): PackedBox | null {
    const volume = items.reduce((s, i) => s + unitVolume(i), 0);
    const weight = items.reduce((s, i) => s + i.weightGrams, 0);
    for (const box of bySize) {
      // Cheap bounds first: most boxes are ruled out without running the packer.
      if (volume > boxVolumeMm3(box) || weight + box.tareGrams > box.maxWeightGrams) continue;
      const tried = this.fill(box, items);
      if (!tried.rest.length) return tried.parcel;
    }
    return null;
  }

  private fill(box: BoxSpec, items: PackItem[]): { parcel: PackedBox; rest: PackItem[] } {
    const [tried, over] = withinBounds(box, items);
    const fit = fitInto(
      { w: box.lengthMm, h: box.widthMm, d: box.heightMm, maxWeight: box.maxWeightGrams - box.tareGrams },
      tried.map((i) => ({ w: i.lengthMm, h: i.widthMm, d: i.heightMm, weight: i.weightGrams })),
    );
    return {
      parcel: {
        box,
        placements: fit.placed.map((p) => ({ sku: tried[p.index].sku, position: p.position, size: p.size })),
      },
      rest: [...fit.unfit.map((i) => tried[i]), ...over],
    };
  }
}

/**
 * Splits the units, largest first as the packer takes them, into those whose running volume and weight the box
 * could still hold and the rest. The packer tries every unit against every free corner of every unit placed,
 * so handing it units that cannot fit by volume made a 150-unit reservation spend seconds (inside the stock
 * transaction) on placements bound to fail; those units go to the next box instead.
 */
function withinBounds(box: BoxSpec, items: PackItem[]): [PackItem[], PackItem[]] {
  const capacity = boxVolumeMm3(box);
  const load = box.maxWeightGrams - box.tareGrams;
  const tried: PackItem[] = [];
  const over: PackItem[] = [];
  let volume = 0;
  let weight = 0;
  for (const item of [...items].sort((a, b) => unitVolume(b) - unitVolume(a))) {
    if (volume + unitVolume(item) <= capacity && weight + item.weightGrams <= load) {
      tried.push(item);
      volume += unitVolume(item);
      weight += item.weightGrams;
    } else over.push(item);
  }
  return [tried, over];
}
