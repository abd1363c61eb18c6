/**
 * The import report maps a connection the imported flow needs onto one set up here: the flow's
 * node then refers to the person's own connection (through connections.map).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, openApp, screenshot, waitForEditor, type App } from './harness';
import { startServe, tempDirs, type Serve } from './serve';

describe('import report: mapping a connection', () => {
  const dirs = tempDirs('import-foreign-connections');
  let serve: Serve;
  let app: App;

  beforeAll(async () => {
    serve = await startServe({ ...dirs, env: { JUNCTION_SECRETS: 'file' } });
    app = await openApp(serve.url);
  });
  afterAll(async () => { await app?.close(); await serve?.stop(); dirs.remove(); });

  it('picks one of my bearer connections for the imported HTTP node', async () => {
    const { page, errors } = app;
    await page.getByTestId('rail-settings').click();
    await page.getByTestId('secret-passphrase').fill('a passphrase for the import test');
    await page.getByTestId('secret-use-file').click();
    await expectText(page.getByTestId('secret-store-settings'), /encrypted file.*Working/);
    await page.getByTestId('rail-connections').click();
    await page.getByTestId('conn-new').click();
    await page.getByTestId('conn-name').fill('My API token');
    await page.getByTestId('conn-type').selectOption('bearer');
    await page.getByTestId('conn-secret-token').fill('tok_import_test_0123456789');
    await page.getByTestId('conn-save').click();
    await expectText(page.getByTestId('conn-My API token'), 'My API token');

    await page.getByTestId('rail-flows').click();
    const workflow = {
      name: 'Call the API',
      nodes: [
        { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { name: 'Get things', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0], parameters: { url: 'https://api.example.com/things', authentication: 'genericCredentialType', genericAuthType: 'httpBearerAuth' }, credentials: { httpBearerAuth: { id: '5', name: 'Their token' } } },
      ],
      connections: { Start: { main: [[{ node: 'Get things', type: 'main', index: 0 }]] } },
    };
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(workflow));
    await page.locator('.app-main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+V');
    const row = page.getByTestId('import-connection-Their token');
    await row.getByRole('combobox').selectOption({ label: 'My API token' });
    await expectText(row, 'mapped to “My API token”');
    await screenshot(page, 'import-map-connection.png');
    await page.getByTestId('import-open').click();
    await waitForEditor(page);
    await page.getByTestId('node-Get things').click();
    await expect.poll(() => page.getByTestId('insp-credential-auth').inputValue()).not.toBe('');
    await expectText(page.getByTestId('insp-credential-auth').locator('option:checked'), 'My API token');
    expect(errors).toEqual([]);
  });
});
