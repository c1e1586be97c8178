export * from './tracing';
export * from './spans';
export * from './event-spans';
