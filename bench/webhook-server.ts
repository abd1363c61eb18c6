// The server side of bench/webhook.mjs, in its own process so the load generator does not share its CPU:
// a workspace with Webhook → Edit Fields → Respond, activated, served until SIGTERM.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../engine/service';
import { saveChain } from '../engine/triggers/testing';

const isRecorded = process.argv[2] !== 'no-history';
const root = mkdtempSync(join(tmpdir(), 'junction-bench-hook-'));
const service = createService({ workspace: join(root, 'ws'), dataDir: join(root, 'data'), env: {}, webhook: { port: 0 }, recordTriggeredRuns: isRecorded });
const flow = await saveChain(service, 'Greeter', [
  { type: 'trigger.webhook', params: { path: 'greet', method: 'POST', respond: 'respondNode' } },
  { type: 'core.set', params: { fields: [{ name: 'greeting', value: '{{ "Hello " + $json.body.name }}' }] } },
  { type: 'trigger.respond', params: { status: 200, body: '{{ { greeting: $json.greeting } }}' } },
], { concurrency: 'parallel' }); // calls answer independently, as an HTTP endpoint's should
await service.handlers['flows.activate']({ id: flow.id });
const { webhookUrl } = await service.startTriggers();
process.stdout.write(`READY ${webhookUrl}/hook/greet\n`);
process.on('SIGTERM', () => { void service.close().then(() => process.exit(0)); });
