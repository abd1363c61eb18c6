import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from './e2e/browser';

describe('the browser the end-to-end tests drive', () => {
  it('is the first candidate that exists', () => {
    expect(findBrowser(['/no/such/chromium', process.execPath, '/bin/sh'])).toBe(process.execPath);
    expect(findBrowser(['/no/such/chromium', '/no/such/chrome'])).toBeUndefined();
  });

  it('is looked for as JUNCTION_BROWSER, then Debian\'s chromium, Google Chrome and Playwright\'s download', () => {
    const list = browserCandidates({ JUNCTION_BROWSER: '/opt/my/chromium' });
    expect(list[0]).toBe('/opt/my/chromium');
    expect(list.indexOf('/usr/bin/chromium')).toBeLessThan(list.indexOf('/usr/bin/google-chrome'));
    expect(list.at(-1)).toMatch(/ms-playwright/);
    expect(browserCandidates({})[0]).toBe('/usr/bin/chromium');
  });
});
