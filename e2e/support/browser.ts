import { existsSync } from 'node:fs';
import { testConfig } from '@supply-graph/shared/testing';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it, playwright-core drives it (no browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium's own background connections get it refused on locked-down machines.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for suites that drive a browser. Without Chromium the suite is
 * registered as skipped, says so in its title and prints a note; on CI a
 * missing Chromium fails the run instead.
 */
export function describeInBrowser(title: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(`${title} [Chromium]`, body);
    return;
  }
  if (testConfig.isCi()) {
    throw new Error(
      `CI must run the browser suites: ${CHROMIUM_PATH} is missing (.ci/run installs it: apt-get install chromium).`,
    );
  }
  process.stdout.write(`\n${CHROMIUM_PATH} is missing: "${title}" is SKIPPED. Install Debian's chromium to run it.\n`);
  describe.skip(`${title} [Chromium: skipped, ${CHROMIUM_PATH} missing]`, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The whole text of the CodeMirror editor under `selector` (GraphiQL's
 * editors): the DOM holds only the lines in view, the editor all of them.
 */
export function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)});
    return el && el.CodeMirror ? el.CodeMirror.getValue() : '';
  })()`);
}
