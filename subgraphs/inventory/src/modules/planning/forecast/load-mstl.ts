import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mstlModel } from './mstl.strategy';
import type { ForecastModel } from './forecast-model';

let loading: Promise<ForecastModel> | undefined;

/**
 * The `@bsull/augurs` MSTL model, initialised once per thread. The package is
 * an ES module built by wasm-bindgen for the browser: its default init fetches
 * the .wasm by URL, which Node's fetch cannot do for files, so the bytes are
 * read from the package's folder and handed to `initSync`.
 *
 * It loads through `import()`, which Jest's module system refuses without
 * --experimental-vm-modules: under Jest the model is only reached through the
 * worker pool, whose threads are plain Node.
 */
export function loadMstl(): Promise<ForecastModel> {
  loading ??= (async () => {
    const augurs = await import('@bsull/augurs/mstl');
    // The package's exports name no .wasm file; it sits beside the module's entry.
    const wasm = path.join(path.dirname(require.resolve('@bsull/augurs/mstl')), 'mstl_bg.wasm');
    augurs.initSync({ module: await readFile(wasm) });
    return mstlModel(augurs.MSTL);
  })();
  return loading;
}
