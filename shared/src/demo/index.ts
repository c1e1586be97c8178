export * from './dataset';
export * from './generate';
export { fenToDecimal } from './geo';
