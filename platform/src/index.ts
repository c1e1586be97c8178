export * from './config';
export * from './platform';
export * from './database';
export * from './seed';
export * from './subgraphs';
export * from './compose';
export * from './contract-check';
export { mintLocalToken } from './local-token';
export * from './access-rules-check';
