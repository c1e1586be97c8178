export * from './limits';
export * from './checks';
export * from './bounds';
export * from './bounded-arg';
export * from './common-bounds';
