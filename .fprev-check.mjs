import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const port = 4791;
const srv = spawn(process.execPath, ['bin/junction.mjs', 'serve', '--port', String(port), '--workspace', '/tmp/fprev/ws', '--data-dir', '/tmp/fprev/dd'], { stdio: ['ignore', 'pipe', 'inherit'] });
let url;
await new Promise((res) => srv.stdout.on('data', (d) => { const m = /(http:\/\/\S+)/.exec(String(d)); if (m && !url) { url = m[1]; res(); } }));
console.log('url', url);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('PAGE ERROR', e.message));
  await page.goto(url);
  await page.getByTestId('rail-flows').click();
  await page.getByTestId('flow-row-Files demo').click();
  await page.locator('.react-flow__pane').waitFor();
  await page.getByTestId('node-Read customers').locator('.node-name').click();
  await page.getByTestId('file-preview-rows').waitFor({ timeout: 15000 });
  await page.getByTestId('file-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/fprev/preview.png' });
  console.log('detected:', await page.getByTestId('file-preview-detected').textContent());
  console.log('columns:', await page.getByTestId('file-preview-columns').textContent());
} finally { await browser.close(); srv.kill(); }
