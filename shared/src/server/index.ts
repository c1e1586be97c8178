export * from './http-server';
export * from './subgraph-runtime';
export * from './standalone';
export * from './jobs';
export * from './request-scope';
export * from './availability.plugin';
export * from './audit.plugin';
