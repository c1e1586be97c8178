import { z } from 'zod';
import { loadConfig } from '@supply-graph/shared';
import { DEFAULT_OPERATION_LIMITS } from '../limits';
import { limitsConfig, toOperationLimits } from '../limits.config';

// As the gateway's config.ts uses it: spread into its schema, mapped in its transform.
const schema = z.object({ ...limitsConfig }).transform(toOperationLimits);
const load = (env: Record<string, string>) => loadConfig('gateway', schema, env);

describe('limitsConfig', () => {
  it('defaults to the documented limits', () => {
    expect(load({})).toEqual(DEFAULT_OPERATION_LIMITS);
    expect(load({ LIMIT_MAX_DEPTH: '', LIMIT_MAX_COST: ' ' })).toEqual(DEFAULT_OPERATION_LIMITS);
  });

  it('reads each limit from its variable', () => {
    expect(
      load({
        LIMIT_MAX_DEPTH: '8',
        LIMIT_MAX_ALIASES: '5',
        LIMIT_MAX_ROOT_FIELDS: '3',
        LIMIT_MAX_TOKENS: '1000',
        LIMIT_MAX_COST: '2500',
      }),
    ).toEqual({ maxDepth: 8, maxAliases: 5, maxRootFields: 3, maxTokens: 1000, maxCost: 2500 });
  });

  it('refuses a limit that is not a positive whole number, naming it', () => {
    expect(() => load({ LIMIT_MAX_ALIASES: '0' })).toThrow(/LIMIT_MAX_ALIASES/);
    expect(() => load({ LIMIT_MAX_TOKENS: 'many' })).toThrow(/LIMIT_MAX_TOKENS/);
    expect(() => load({ LIMIT_MAX_COST: '1.5' })).toThrow(/LIMIT_MAX_COST/);
  });
});
