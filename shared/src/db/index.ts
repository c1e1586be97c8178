export * from './data-source';
export * from './sql-logger';
export * from './sql-origin';
export * from './bulk-insert';
export * from './embedded-postgres';
export * from './ids';
