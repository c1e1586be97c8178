import { createRequire } from 'node:module';

/** The part of binpackingjs's 3D packer this subgraph uses (the package ships no types for it). */
interface Bp3dItem {
  name: string;
  position: number[];
  getDimension(): number[];
}
interface Bp3dBin {
  items: Bp3dItem[];
}
interface Bp3d {
  Bin: new (name: string, w: number, h: number, d: number, maxWeight: number) => Bp3dBin;
  Item: new (name: string, w: number, h: number, d: number, weight: number) => Bp3dItem;
  Packer: new () => {
    addBin(bin: Bp3dBin): void;
    addItem(item: Bp3dItem): void;
    pack(): void;
    unfitItems: Bp3dItem[];
  };
}

// binpackingjs 3.x: its 4.x line ships its CommonJS build inside a "type": "module" package, so `require` gets an
// empty module on Node 20 (and this project compiles to CommonJS). 3.1.0 is the same author's MIT build, no deps.
const { BP3D } = createRequire(__filename)('binpackingjs') as { BP3D: Bp3d };

/** binpackingjs keeps 5 decimals by scaling every figure by 10^5; positions come back scaled. */
const SCALE = 100_000;

export interface FitResult {
  /** Indexes of the items placed, with their position and rotated size in the input's units. */
  placed: { index: number; position: [number, number, number]; size: [number, number, number] }[];
  /** Indexes of the items that did not fit. */
  unfit: number[];
}

/**
 * One run of the library's packer (largest items first, each at the first free corner of those already placed,
 * trying the six rotations) into ONE container of width x height x depth carrying at most maxWeight.
 */
export function fitInto(
  container: { w: number; h: number; d: number; maxWeight: number },
  items: readonly { w: number; h: number; d: number; weight: number }[],
): FitResult {
  const packer = new BP3D.Packer();
  // maxWeight 0 means "no limit" to the library: a container that takes no weight gets 1e-5 instead.
  const bin = new BP3D.Bin('box', container.w, container.h, container.d, Math.max(container.maxWeight, 1 / SCALE));
  packer.addBin(bin);
  for (const [i, it] of items.entries()) packer.addItem(new BP3D.Item(String(i), it.w, it.h, it.d, it.weight));
  packer.pack();
  const triple = (v: number[]): [number, number, number] => [v[0] / SCALE, v[1] / SCALE, v[2] / SCALE];
  const placed = bin.items.map((it) => ({
    index: Number(it.name),
    position: triple(it.position),
    size: triple(it.getDimension()),
  }));
  const done = new Set(placed.map((p) => p.index));
  return { placed, unfit: items.map((_, i) => i).filter((i) => !done.has(i)) };
}
