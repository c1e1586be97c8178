export { distanceKm } from '../geo/gazetteer';

/** Integer fen as a decimal string: 12990 -> "129.90". Money never passes through a float. */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
