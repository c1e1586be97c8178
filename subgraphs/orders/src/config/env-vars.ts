/** Building blocks of the orders config sections: how a variable is read, and how a section is frozen. */
import { loadConfig } from '@supply-graph/shared';
import { z } from 'zod';

// An empty variable means "not set", as everywhere else in the project.
export const numberVar = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().pipe(schema).default(fallback),
  );

/** Frozen all the way down: a section's settings are shared by every request and never change. */
export function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}

/**
 * What each section exports besides its schema: its documented defaults (the schema read from an empty environment,
 * for code that runs without one: unit tests, tools) and the accessor that finds the section in a started subgraph's
 * config, falling back to those defaults where the config carries none (schema builds, tools).
 */
export function configSection<S extends z.ZodTypeAny, K extends keyof z.output<S> & string>(schema: S, key: K) {
  const defaults: Readonly<z.output<S>[K]> = loadConfig('orders', schema, {})[key];
  const settingsOf = (config: object): Readonly<z.output<S>[K]> => (config as Partial<z.output<S>>)[key] ?? defaults;
  return { defaults, settingsOf };
}
