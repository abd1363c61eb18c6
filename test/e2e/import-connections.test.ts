/**
 * Issue 13.1 (last sentences): importing a flow lists the connections it refers to and lets the
 * person map each to one of theirs; afterwards the flow's node has no missing connection.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { ARTIFACTS, expectCount, expectText, node, openApp, waitForEditor, type App } from './harness';
import { startServe, tempDirs, type Serve } from './serve';

describe('importing a flow that uses connections', () => {
  const dirs = tempDirs('import-connections');
  let serve: Serve;
  let app: App;

  beforeAll(async () => {
    serve = await startServe({ ...dirs, env: { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: 'import mapping e2e' } });
    app = await openApp(serve.url);
  });
  afterAll(async () => { await app?.close(); await serve?.stop(); dirs.remove(); });

  it('maps the flow\'s connection onto one of mine; the node then has it', async () => {
    const { page } = app;
    // My own connection, made on the Connections screen.
    await page.getByTestId('rail-connections').click();
    await page.getByTestId('conn-new').click();
    await page.getByTestId('conn-name').fill('My CRM');
    await page.getByTestId('conn-type').selectOption('bearer');
    await page.getByTestId('conn-secret-token').fill('tok_import_mapping_123');
    await page.getByTestId('conn-save').click();
    await page.getByTestId('conn-My CRM').waitFor();

    // A colleague's flow refers to their connection, which does not exist here.
    const flow = buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'http.request', name: 'Call CRM', params: { url: 'https://crm.example.test/contacts' }, credentials: { auth: { id: 'c_colleague', type: 'bearer', name: 'Their CRM' } } },
    ], ['Start -> Call CRM'], { id: 'f_shared_crm', name: 'Shared CRM sync' });
    await page.getByTestId('rail-flows').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-flow').click();
    await (await chooser).setFiles({ name: 'shared.flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });

    const dialog = page.getByTestId('conn-mapping-dialog');
    await expectText(dialog, /uses 1 connection that is not set up here/);
    const row = dialog.getByTestId('conn-map-row-Their CRM');
    await expectText(row, 'Their CRM (Bearer token)');
    await dialog.getByTestId('conn-map-Their CRM').selectOption({ label: 'My CRM' });
    await page.screenshot({ path: join(ARTIFACTS, 'import-connection-mapping.png') });
    await dialog.getByTestId('conn-map-apply').click();
    await expectCount(dialog, 0);
    await expectText(page.getByTestId('toast-success').last(), /“Shared CRM sync” now uses your connections/);

    // The node holds my connection now, with no missing-connection problem.
    await page.getByTestId('flow-row-Shared CRM sync').click();
    await waitForEditor(page);
    await node(page, 'Call CRM').click();
    const picker = page.getByTestId('insp-credential-auth');
    await expect.poll(async () => picker.locator('option:checked').textContent()).toBe('My CRM');
    await expectCount(page.getByTestId('insp-credentials').getByRole('alert'), 0);
    expect(app.errors).toEqual([]);
  });
});
