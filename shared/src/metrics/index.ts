export * from './registry';
export * from './endpoint';
