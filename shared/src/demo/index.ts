export * from './dataset';
export * from './generate';
export { fenToDecimal } from './geo';
export { demoPromotions, HISTORY_DAYS } from './demand-shape';
export { DEMO_BOXES } from './catalog';
