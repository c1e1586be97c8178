/** Polls until `check` returns a value (not undefined/false) or the time is up; events flow asynchronously. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Polls until `check` says the work is done, failing only when it stops moving: when what `check` reports as
 * progress has not changed for `stallMs` (or `capMs` passed in all). For bulk work whose speed depends on the
 * machine's load (hundreds of orders contending for one stock row) but whose stalling is the fault to catch: a lost
 * or stuck event shows as no progress, a busy machine does not. The error says where it stopped.
 */
export async function untilDone<T>(
  check: () => Promise<{ done: T | undefined; progress: string }>,
  what: string,
  { stallMs = 30_000, capMs = 240_000 } = {},
): Promise<T> {
  const started = Date.now();
  let progress = '';
  let movedAt = started;
  for (;;) {
    const now = Date.now();
    const state = await check();
    if (state.done !== undefined) return state.done;
    if (state.progress !== progress) {
      progress = state.progress;
      movedAt = now;
    }
    if (now - movedAt > stallMs)
      throw new Error(`${what}: no progress for ${stallMs} ms, stopped at ${progress} after ${now - started} ms`);
    if (now - started > capMs) throw new Error(`${what}: not done after ${capMs} ms, at ${progress}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
