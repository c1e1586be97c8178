export { startGateway, type RunningGateway } from './gateway';
export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
export { Identity, type Caller } from './auth/identity';
export { loadSigningKey } from './auth/signing-key';
export { TokenIssuer, type TokenRequest } from './auth/token-issuer';
