/**
 * Which Chromium the end-to-end tests drive: JUNCTION_BROWSER if set, else Debian's chromium,
 * Google Chrome, or Playwright's own download, the first that exists. Without one, `npm test`
 * skips the end-to-end tests and says how to get a browser; with CI=true it fails instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** One sentence: how to get a browser the end-to-end tests can drive. */
export const NO_BROWSER = 'No Chromium or Chrome found for the end-to-end tests: install Debian\'s chromium (apt-get install chromium), '
  + 'Google Chrome, or Playwright\'s Chromium (npx playwright-core install chromium), or set JUNCTION_BROWSER to a Chromium binary';

/** The places a Chromium is looked for, in order (those of other systems do no harm here). */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const programFiles = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((d): d is string => !!d);
  return [
    ...(env.JUNCTION_BROWSER ? [env.JUNCTION_BROWSER] : []),
    '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...programFiles.map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    // Where `npx playwright-core install chromium` puts its download.
    chromium.executablePath(),
  ];
}

/** The first browser that exists, or undefined. */
export function findBrowser(candidates = browserCandidates()): string | undefined {
  return candidates.find((path) => path && existsSync(path));
}
