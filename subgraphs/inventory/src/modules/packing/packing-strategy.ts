/** One unit to pack, in millimetres and grams. */
export interface PackItem {
  sku: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightGrams: number;
}

/** A box of a warehouse's catalogue: inner dimensions, the most it may weigh packed (tare included), its own weight. */
export interface BoxSpec {
  code: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  maxWeightGrams: number;
  tareGrams: number;
  isDefault: boolean;
}

/** Where one unit sits in its box: the corner nearest the origin and its extent along each box axis (mm). */
export interface Placement {
  sku: string;
  position: [number, number, number];
  size: [number, number, number];
}

/** One parcel: a box and what is in it. `box` null: a unit no box holds, shipped in its own packaging. */
export interface PackedBox {
  box: BoxSpec | null;
  placements: Placement[];
}

/**
 * Packs units into boxes. Swappable like routing (chosen in `strategies.ts`).
 * Every unit ends up in exactly one returned parcel.
 */
export interface PackingStrategy {
  readonly name: string;
  pack(items: readonly PackItem[], boxes: readonly BoxSpec[]): PackedBox[];
}

export const boxVolumeMm3 = (b: Pick<BoxSpec, 'lengthMm' | 'widthMm' | 'heightMm'>): number =>
  b.lengthMm * b.widthMm * b.heightMm;
