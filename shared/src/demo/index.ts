export * from './dataset';
export * from './generate';
export { distanceKm, fenToDecimal } from './geo';
