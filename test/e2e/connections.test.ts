/**
 * Issue 13: the Connections screen as a person uses it. The engine has no keychain here, so it
 * starts with JUNCTION_SECRETS=file and no passphrase: the screen says secrets are locked, the
 * person unlocks the encrypted file in Settings, creates a bearer-token connection, tests it
 * against a real loopback API (200, then 401 after the token is replaced), and the saved token
 * is never shown back.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoServer } from '../connections/harness';
import { ARTIFACTS, expectText, openApp, type App } from './harness';
import { startServe, tempDirs, type Serve } from './serve';

const TOKEN = 'tok_e2e_0123456789abcdef';

describe('Connections screen', () => {
  const dirs = tempDirs('connections');
  let serve: Serve;
  let app: App;
  let api: Awaited<ReturnType<typeof echoServer>>;

  beforeAll(async () => {
    api = await echoServer((headers) => (headers.authorization === `Bearer ${TOKEN}` ? 200 : 401));
    serve = await startServe({ ...dirs, env: { JUNCTION_SECRETS: 'file' } });
    app = await openApp(serve.url);
  });
  afterAll(async () => { await app?.close(); await serve?.stop(); await api?.close(); dirs.remove(); });

  it('unlock, create, test, replace a secret', async () => {
    const { page } = app;
    await page.getByTestId('rail-connections').click();
    await expectText(page.getByTestId('secret-store-problem'), /encrypted secrets file is locked/);

    await page.getByTestId('rail-settings').click();
    await page.getByTestId('secret-passphrase').fill('a passphrase for the e2e test');
    await page.getByTestId('secret-use-file').click();
    await expectText(page.getByTestId('secret-store-settings'), /encrypted file.*Working/);

    await page.getByTestId('rail-connections').click();
    await page.getByTestId('conn-new').click();
    await page.getByTestId('conn-name').fill('Echo API');
    await page.getByTestId('conn-type').selectOption('bearer');
    await page.getByTestId('conn-secret-token').fill(TOKEN);
    await page.getByTestId('conn-field-testUrl').fill(`${api.url}/me`);
    await page.getByTestId('conn-save').click();
    const item = page.getByTestId('conn-Echo API');
    await expectText(item, /Not used by any flow/);
    await item.getByTestId('conn-test').click();
    await expectText(item.getByTestId('conn-test-result'), /^200 OK from 127\.0\.0\.1:\d+: the connection works\.$/);
    await page.screenshot({ path: join(ARTIFACTS, 'connections-screen.png') });

    await item.getByRole('button', { name: 'Edit' }).click();
    const secret = page.getByTestId('conn-secret-token');
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('Saved. Type to replace it.');
    expect(await page.content()).not.toContain(TOKEN);
    await secret.fill('tok_wrong_value_000');
    await page.getByTestId('conn-save').click();
    await item.getByTestId('conn-test').click();
    await expectText(item.getByTestId('conn-test-result'), /^401 from 127\.0\.0\.1:\d+/);
    expect(app.errors).toEqual([]);
  });
});
