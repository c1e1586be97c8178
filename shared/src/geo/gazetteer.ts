import { CITIES_FOR_ROUTING } from './cities';

export interface Point {
  latitude: number;
  longitude: number;
}

const byName = new Map<string, Point>();
for (const c of CITIES_FOR_ROUTING) {
  for (const name of c.names) byName.set(normalize(name), { latitude: c.latitude, longitude: c.longitude });
}

// Chinese addresses come with administrative suffixes (杭州市, 浙江省); English ones in any case.
function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/(市|省|自治区|特别行政区)$/u, '')
    .replace(/\s+city$/, '');
}

/** Coordinates of a destination: the city if known, else the province's capital, else null. */
export function locate(destination: { country: string; province: string | null; city: string | null }): Point | null {
  if (destination.country.toUpperCase() !== 'CN') return null;
  for (const name of [destination.city, destination.province]) {
    const point = name ? byName.get(normalize(name)) : undefined;
    if (point) return point;
  }
  return null;
}

/** Great-circle distance in km. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
