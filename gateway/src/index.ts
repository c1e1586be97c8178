export { startGateway, type RunningGateway } from './gateway';
export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
