export * from './databases';
export * from './fixtures';
export * from './config';
export * from './backends';
export * from './nats';
export * from './migrated-database';
export * from './redis';
export * from './fake-outbox';
