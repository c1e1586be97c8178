// Decorator metadata is read as soon as the shared GraphQL types load.
import 'reflect-metadata';
export * from './config/load-config';
export * from './config/secrets';
export * from './errors';
export * from './logging/logger';
export * from './logging/log-output';
export * from './federation';
export * from './pagination';
export * from './db';
export * from './metrics';
export * from './server';
export * from './demo';
export * from './events';
export * from './geo';
export * from './validation';
export * from './access';
export * from './telemetry';
export * from './config/telemetry-settings';
