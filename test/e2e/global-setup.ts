/**
 * One `junction serve` (temp workspace and run history) and one Chromium for every end-to-end
 * file; files reach them through inject('e2e'). A server or browser that does not start is
 * handed on as `error`, so each e2e file fails with that sentence while the unit tests still
 * run. (Without any browser, vitest.config.ts leaves these tests out unless CI=true.)
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { findBrowser, NO_BROWSER } from './browser';
import { CHROMIUM_ARGS, startServe, tempDirs, type Serve } from './serve';

export interface E2eContext {
  url: string;
  wsEndpoint: string;
  workspace: string;
  dataDir: string;
  error?: string;
}

const ARTIFACTS = resolve(__dirname, '../../artifacts');

declare module 'vitest' {
  export interface ProvidedContext { e2e: E2eContext }
}

export default async function setup(project: TestProject) {
  // Pictures of failures from an earlier run would mislead whoever looks next.
  if (existsSync(ARTIFACTS)) for (const f of readdirSync(ARTIFACTS)) if (f.startsWith('failed-')) rmSync(join(ARTIFACTS, f));
  const dirs = tempDirs('shared');
  let serve: Serve | undefined;
  let browser: BrowserServer | undefined;
  const context: E2eContext = { url: '', wsEndpoint: '', workspace: dirs.workspace, dataDir: dirs.dataDir };
  try {
    const executablePath = findBrowser();
    if (!executablePath) throw new Error(NO_BROWSER);
    [serve, browser] = await Promise.all([
      startServe(dirs),
      chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS }),
    ]);
    Object.assign(context, { url: serve.url, wsEndpoint: browser.wsEndpoint() });
  } catch (e) {
    context.error = e instanceof Error ? e.message : String(e);
  }
  project.provide('e2e', context);

  return async () => {
    await Promise.all([browser?.close(), serve?.stop()]);
    dirs.remove();
  };
}
