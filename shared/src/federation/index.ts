export * from './build-subgraph-schema';
export * from './scalars';
export * from './page-info.type';
export * from './peers';
export * from './replicas';
