export * from './data-source';
export * from './sql-logger';
export * from './sql-origin';
export * from './insert';
export * from './query-result';
export * from './embedded-postgres';
export * from './ids';
export * from './prepared';
