/**
 * A stand-in for an object a `beforeAll` hook creates: a suite can name it
 * when it registers its tests, and every property read goes to the object
 * `get` returns at that moment (methods bound to it). Reading it before the
 * hook ran throws, naming `what`.
 */
export function startedLater<T extends object>(get: () => T | undefined, what: string): T {
  const current = (): T => {
    const value = get();
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside tests and hooks`);
    return value;
  };
  return new Proxy({} as T, {
    get(_stub, property) {
      const target = current();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_stub, property) => Reflect.has(current(), property),
  });
}
