import { Arg } from 'type-graphql';
import type { InputProblem } from '../errors/app-error';
import { describe, throwIfProblems, type Bound } from './bounds';

// type-graphql does not export these two from its entry point.
type ArgOptions = NonNullable<Parameters<typeof Arg>[2]>;
type ReturnTypeFunc = Parameters<typeof Arg>[1];

interface BoundedParam {
  name: string;
  bound: Bound;
  index: number;
}

// The bounded arguments of each resolver method, so all of them are checked together.
const paramsOf = new WeakMap<object, Map<string | symbol, BoundedParam[]>>();
// One verdict per resolver call: every bounded argument's validateFn asks, the first computes.
const verdicts = new WeakMap<object, InputProblem[]>();

/**
 * `@Arg` with a bound: the bound is appended to the argument's schema
 * description, and before the resolver runs every bounded argument of the
 * field is checked; any problem is one BAD_USER_INPUT listing them all, each
 * naming its argument (or the input field, for input objects).
 */
export function BoundedArg(
  name: string,
  type: ReturnTypeFunc,
  bound: Bound,
  options: ArgOptions = {},
): ParameterDecorator {
  return (target, propertyKey, index) => {
    const byMethod = paramsOf.get(target) ?? new Map<string | symbol, BoundedParam[]>();
    paramsOf.set(target, byMethod);
    const params = byMethod.get(propertyKey!) ?? [];
    byMethod.set(propertyKey!, params);
    // Parameter decorators run last parameter first; problems are listed in argument order.
    params.push({ name, bound, index });
    params.sort((a, b) => a.index - b.index);
    Arg(name, type, {
      ...options,
      description: describe(options.description, bound),
      validateFn: (_value, _type, { args }) => throwIfProblems(verdict(params, args), 'Invalid arguments'),
    })(target, propertyKey!, index);
  };
}

function verdict(params: readonly BoundedParam[], args: Record<string, unknown>): InputProblem[] {
  let problems = verdicts.get(args);
  if (!problems) {
    problems = params.flatMap(({ name, bound }) => bound.check(args[name], name));
    verdicts.set(args, problems);
  }
  return problems;
}
