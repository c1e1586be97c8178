export { DEFAULT_OPERATION_LIMITS, queryTooComplex, type LimitName, type OperationLimits } from './limits';
export { CONNECTION_PAGE_SIZE, LIST_SIZE } from './estimate-cost';
export { checkOperationLimits, checkOperationSource, type OperationRequest } from './check-operation-limits';
export { operationLimits } from './operation-limits.plugin';
export { limitsConfig, toOperationLimits, type LimitsEnv } from './limits.config';
