export * from './scopes';
export * from './principal';
export * from './internal-token';
export * from './access-rules';
export * from './enforce-access';
export * from './audit';
export * from './audit-defaults';
