import { loadGatewayConfig } from '../config';

describe('gateway config', () => {
  it('serves GraphiQL unless GRAPHIQL says otherwise', () => {
    expect(loadGatewayConfig({}).graphiql).toBe(true);
    expect(loadGatewayConfig({ GRAPHIQL: 'false' }).graphiql).toBe(false);
    expect(loadGatewayConfig({ GRAPHIQL: '0' }).graphiql).toBe(false);
    expect(loadGatewayConfig({ GRAPHIQL: 'yes' }).graphiql).toBe(true);
    expect(() => loadGatewayConfig({ GRAPHIQL: 'sometimes' })).toThrow(/GRAPHIQL/);
  });
});
