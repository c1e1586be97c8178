import { ERRORS } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import type { Condition, Flag, Selection, ShapeType, TypeInfo } from './response-shape';

/**
 * The final answer from the merged fetch results, by @apollo/gateway's
 * computeResponse rules (resultShaping.ts): only what the operation selected,
 * in its order; `__typename` from the data or the parent type; fragments
 * applied by the object's `__typename`; a null in a non-null position nulls
 * the nearest nullable parent with one INVALID_GRAPHQL error; values a leaf
 * type cannot hold and unknown `__typename`s become null with an error.
 */

type Data = Record<string, unknown>;
type Path = (string | number)[];

interface Run {
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  types: TypeInfo;
  /** Set by `update`: the value is a null in a non-null position (bubble up), and/or an error was already recorded. */
  invalid: boolean;
  hasErrors: boolean;
}

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

function flagValue(flag: Flag, variables: Record<string, unknown>, directive: string): boolean {
  if (typeof flag === 'boolean') return flag;
  const value = variables[flag.variable];
  // As federation-internals asserts: a validated operation gives the variable a boolean.
  if (typeof value !== 'boolean')
    throw new Error(`Unexpected value ${value} for variable $${flag.variable} of @${directive}(if: $${flag.variable})`);
  return value;
}

function skipped(condition: Condition, variables: Record<string, unknown>): boolean {
  return (
    (condition.skip !== undefined && flagValue(condition.skip, variables, 'skip')) ||
    (condition.include !== undefined && !flagValue(condition.include, variables, 'include'))
  );
}

function describe(path: Path, typeText: string, parentType: string): string {
  const last = path[path.length - 1];
  return typeof last === 'string'
    ? `field ${parentType}.${last}`
    : `array element of type ${typeText} at index ${last}`;
}

/**
 * Shapes `input` (the merged fetch results) by `selections`; `data` is null
 * when a null bubbled up to the root. Errors are computeResponse's
 * post-processing errors.
 */
export function shapeResponse(
  input: Data,
  selections: Selection[],
  rootType: string,
  variables: Record<string, unknown>,
  types: TypeInfo,
): { data: Data | null; errors: GraphQLError[] } {
  const run: Run = { variables, errors: [], types, invalid: false, hasErrors: false };
  const data: Data = {};
  const bubbled = applySelections(input, selections, data, run, [], rootType);
  return { data: bubbled ? null : data, errors: run.errors };
}

/** True when a null has to replace the whole object (NULL_BUBBLE_UP). */
function applySelections(
  input: Data,
  selections: Selection[],
  output: Data,
  run: Run,
  path: Path,
  parentType: string,
): boolean {
  for (const selection of selections) {
    if (selection.condition !== null && skipped(selection.condition, run.variables)) continue;
    if (selection.kind === 'field') {
      const name = selection.name;
      const outputValue = selection.guarded ? (hasOwn(output, name) ? output[name] : undefined) : output[name];
      let inputValue = (selection.guarded ? (hasOwn(input, name) ? input[name] : undefined) : input[name]) ?? null;
      if (selection.typename) {
        if (outputValue !== undefined) continue;
        if (inputValue === null && name !== '__typename') inputValue = input.__typename ?? null;
        const type = typeof inputValue === 'string' && run.types.has(inputValue) ? inputValue : parentType;
        if (!run.types.isObject(type)) return true;
        output[name] = type;
        continue;
      }
      // Most fields: a valid leaf value, written once. Everything else takes computeResponse's full path.
      if (selection.leaf !== null && outputValue === undefined) {
        if (inputValue === null ? selection.nullable : selection.leaf(inputValue)) {
          output[name] = inputValue;
          continue;
        }
      }
      path.push(name);
      const updated = update(outputValue, selection.type!, inputValue, run, path, parentType);
      output[name] = updated;
      path.pop();
      if (run.invalid) return true;
    } else {
      const typename = input.__typename;
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${typename}`);
      const condition = selection.typeCondition;
      const applies =
        condition === null ||
        (typename ? run.types.isSubtype(condition, typename as string) : run.types.isSubtype(condition, parentType));
      if (applies && applySelections(input, selection.selections, output, run, path, condition ?? parentType))
        return true;
    }
  }
  return false;
}

/** computeResponse's updateOutputValue: the new output value; sets run.invalid and run.hasErrors. */
function update(
  outputValue: unknown,
  type: ShapeType,
  inputValue: unknown,
  run: Run,
  path: Path,
  parentType: string,
): unknown {
  run.invalid = false;
  run.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !type.selects)) return outputValue;
  switch (type.kind) {
    case 'nonNull': {
      const updated = update(outputValue, type.of, inputValue, run, path, parentType);
      if (updated === null) {
        if (!run.hasErrors)
          run.errors.push(
            ERRORS.INVALID_GRAPHQL.err(
              `Cannot return null for non-nullable ${describe(path, type.ofText, parentType)}.`,
              { path: Array.from(path) },
            ),
          );
        run.invalid = true;
        run.hasErrors = true;
        return null;
      }
      run.invalid = false;
      run.hasErrors = false;
      return updated;
    }
    case 'list': {
      if (inputValue === null) return null;
      if (!Array.isArray(inputValue))
        throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type ${type.text}`);
      if (outputValue !== undefined && !Array.isArray(outputValue))
        throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type ${type.text}`);
      const previous = outputValue as unknown[] | undefined;
      if (previous && previous.length !== inputValue.length)
        throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${previous}].length (${previous.length})`);
      let nullify = false;
      let hasErrors = false;
      const updated = new Array<unknown>(inputValue.length);
      for (let i = 0; i < inputValue.length; i++) {
        path.push(i);
        updated[i] = update(previous ? previous[i] : undefined, type.of, inputValue[i], run, path, parentType);
        path.pop();
        nullify ||= run.invalid;
        hasErrors ||= run.hasErrors;
      }
      run.invalid = false;
      run.hasErrors = hasErrors;
      return nullify ? null : updated;
    }
    case 'composite':
      return updateObject(outputValue, type, inputValue, run, path, parentType);
    case 'leaf': {
      if (inputValue === null) return null;
      if (type.valid(inputValue)) return inputValue;
      run.errors.push(
        ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type.text, parentType)}.`, {
          path: Array.from(path),
        }),
      );
      run.hasErrors = true;
      return null;
    }
  }
}

function updateObject(
  outputValue: unknown,
  type: Extract<ShapeType, { kind: 'composite' }>,
  inputValue: unknown,
  run: Run,
  path: Path,
  parentType: string,
): unknown {
  if (inputValue === null) return null;
  if (typeof inputValue !== 'object')
    throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.name}`);
  const input = inputValue as Data;
  const typename = input.__typename;
  if (typename !== undefined && typeof typename !== 'string')
    throw new Error(`Invalid non-string value ${typename} for __typename at ${path}`);
  let objectType = type.name;
  if (typename) {
    // Not in the API schema (an @inaccessible type, say): null, and the message does not name the type.
    if (!run.types.isComposite(typename)) {
      run.errors.push(
        ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, type.name, parentType)}.`, {
          path: Array.from(path),
        }),
      );
      run.hasErrors = true;
      return null;
    }
    objectType = typename;
  }
  const output = (outputValue ?? {}) as Data;
  const bubbled = applySelections(input, type.selections, output, run, path, objectType);
  run.invalid = false;
  run.hasErrors = bubbled;
  return bubbled ? null : output;
}
