import type { BoxSpec, PackItem, PackedBox } from '../packing-strategy';
import { SmallestBoxPacking } from '../smallest-box.strategy';

const box = (code: string, l: number, w: number, h: number, maxWeightGrams = 20_000, tareGrams = 100): BoxSpec => ({
  code,
  lengthMm: l,
  widthMm: w,
  heightMm: h,
  maxWeightGrams,
  tareGrams,
  isDefault: false,
});
const CATALOGUE = [box('XL', 600, 400, 400), box('S', 250, 180, 100), box('M', 350, 250, 150), box('L', 450, 350, 250)];
const unit = (sku: string, l: number, w: number, h: number, weightGrams = 300): PackItem => ({
  sku,
  lengthMm: l,
  widthMm: w,
  heightMm: h,
  weightGrams,
});
const times = (n: number, item: PackItem) => Array.from({ length: n }, () => item);
const packer = new SmallestBoxPacking();

/** Every unit lies inside its box and no two overlap: what a packer must never get wrong. */
function expectPhysicallyValid(parcels: PackedBox[], items: PackItem[]): void {
  expect(parcels.flatMap((p) => p.placements.map((x) => x.sku)).sort()).toEqual(items.map((i) => i.sku).sort());
  for (const { box: b, placements } of parcels) {
    if (!b) continue;
    const limits = [b.lengthMm, b.widthMm, b.heightMm];
    for (const p of placements) {
      for (let axis = 0; axis < 3; axis++) {
        expect(p.position[axis]).toBeGreaterThanOrEqual(0);
        expect(p.position[axis] + p.size[axis]).toBeLessThanOrEqual(limits[axis]);
      }
      const item = items.find((i) => i.sku === p.sku)!;
      expect([...p.size].sort((x, y) => x - y)).toEqual(
        [item.lengthMm, item.widthMm, item.heightMm].sort((x, y) => x - y),
      );
    }
    for (let i = 0; i < placements.length; i++)
      for (let j = i + 1; j < placements.length; j++) {
        const [a, c] = [placements[i], placements[j]];
        const overlap = [0, 1, 2].every(
          (k) => a.position[k] < c.position[k] + c.size[k] && c.position[k] < a.position[k] + a.size[k],
        );
        expect(overlap).toBe(false);
      }
    const weight = placements.reduce((s, p) => s + items.find((i) => i.sku === p.sku)!.weightGrams, 0);
    expect(weight + b.tareGrams).toBeLessThanOrEqual(b.maxWeightGrams);
  }
}

describe('SmallestBoxPacking', () => {
  it('puts a small order in the smallest box that holds it, every unit inside and none overlapping', () => {
    const items = [unit('MUG', 120, 90, 90), unit('TEA', 150, 80, 60), unit('SERUM', 100, 40, 40)];
    const parcels = packer.pack(items, CATALOGUE);
    expect(parcels.map((p) => p.box?.code)).toEqual(['S']);
    expectPhysicallyValid(parcels, items);
  });

  it('rotates a unit to fit: a long flat item goes into S lying down', () => {
    const items = [unit('MAT', 90, 240, 170)];
    expect(packer.pack(items, CATALOGUE).map((p) => p.box?.code)).toEqual(['S']);
  });

  it('takes a bigger box when the volume fits the small one but the shapes do not', () => {
    // 2 x 130 mm side by side needs 260 mm: S (250) holds the volume but not the layout.
    const items = times(2, unit('CUBE', 130, 130, 90)).map((u, i) => ({ ...u, sku: `CUBE-${i}` }));
    const parcels = packer.pack(items, CATALOGUE);
    expect(parcels.map((p) => p.box?.code)).toEqual(['M']);
    expectPhysicallyValid(parcels, items);
  });

  it('moves to a bigger box when the weight limit of the smaller one is reached', () => {
    const light = [box('S', 250, 180, 100, 2_000), box('M', 350, 250, 150, 10_000)];
    const items = [unit('IRON', 100, 100, 50, 1_950)];
    const parcels = packer.pack(items, light);
    expect(parcels.map((p) => p.box?.code)).toEqual(['M']);
    expectPhysicallyValid(parcels, items);
  });

  it('splits over several boxes when no box holds everything: largest first, the rest in the smallest that fits', () => {
    const items = times(7, unit('JACKET', 400, 300, 120, 900)).map((u, i) => ({ ...u, sku: `J-${i}` }));
    const parcels = packer.pack(items, CATALOGUE);
    expect(parcels.length).toBeGreaterThan(1);
    expect(parcels[0].box?.code).toBe('XL');
    const lastBox = parcels.at(-1)!.box!;
    expect(['L', 'XL']).toContain(lastBox.code);
    expectPhysicallyValid(parcels, items);
  });

  it('splits by weight too: heavy units over the largest box limit go in several boxes', () => {
    const items = times(5, unit('KETTLEBELL', 150, 150, 150, 6_000)).map((u, i) => ({ ...u, sku: `K-${i}` }));
    const parcels = packer.pack(items, CATALOGUE);
    // 20 kg per box, 100 g tare: three fit in one, two in the next.
    expect(parcels.map((p) => p.placements.length)).toEqual([3, 2]);
    expectPhysicallyValid(parcels, items);
  });

  it('ships a unit no box holds in its own packaging, and packs the rest as usual', () => {
    const items = [unit('SOFA', 2000, 900, 800, 15_000), unit('MUG', 120, 90, 90)];
    const parcels = packer.pack(items, CATALOGUE);
    expect(parcels.map((p) => p.box?.code ?? null)).toEqual([null, 'S']);
    expectPhysicallyValid(parcels, items);
  });

  it('without a box catalogue every unit goes in its own packaging', () => {
    expect(packer.pack([unit('A', 10, 10, 10), unit('B', 10, 10, 10)], []).map((p) => p.box)).toEqual([null, null]);
  });
});
