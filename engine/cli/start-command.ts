import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createService } from '../service';
import { defaultDataDir } from '../store';
import { defaultWorkspace } from './serve-command';
import type { Terminal } from './terminal';

export interface StartArgs {
  workspace?: string;
  dataDir?: string;
  webhookPort?: number;
  webhookHost?: string;
}

/** The webhook listener's port when neither --webhook-port nor JUNCTION_WEBHOOK_PORT names one. */
export const DEFAULT_WEBHOOK_PORT = 5680;

/** --webhook-port, else JUNCTION_WEBHOOK_PORT, else the default; undefined when what was given is not a port. */
export function webhookPort(given: string | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = given ?? env.JUNCTION_WEBHOOK_PORT;
  if (text === undefined) return DEFAULT_WEBHOOK_PORT;
  const port = Number(text);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

/** Waits for SIGINT or SIGTERM. */
export const untilStopped = () => new Promise<NodeJS.Signals>((done) => {
  const stop = (s: NodeJS.Signals) => { process.off('SIGINT', stop); process.off('SIGTERM', stop); done(s); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});

/** `junction start`: active flows' triggers and pending deliveries, headless, until SIGINT or SIGTERM. */
export async function startCommand(args: StartArgs, out: Terminal, err: Terminal): Promise<number> {
  const workspace = resolve(args.workspace ?? defaultWorkspace());
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  mkdirSync(join(workspace, 'flows'), { recursive: true });
  const service = createService({ workspace, dataDir, webhook: { port: args.webhookPort ?? DEFAULT_WEBHOOK_PORT, ...(args.webhookHost ? { host: args.webhookHost } : {}) } });
  const { webhookUrl } = await service.startTriggers();
  const active = await service.handlers['triggers.status']({});
  out.write(`Workspace: ${workspace}\nRun history: ${dataDir}\n`);
  out.write(webhookUrl ? `Webhooks: ${webhookUrl}/hook/<path>\n` : 'Webhooks: not listening (see the message above)\n');
  out.write(`Active flows: ${active.length}${active.length ? '' : ' (activate a flow in the editor, or with flows.activate)'}\n`);
  for (const s of active) {
    out.write(`  ${s.flowId}${s.nextFireAt ? `  next ${s.nextFireAt}` : ''}${s.webhooks.map((w) => `  ${w.method} ${w.url}`).join('')}${s.problem ? `  NOT LIVE: ${s.problem}` : ''}\n`);
  }
  out.write('Press Ctrl+C to stop.\n');
  const signal = await untilStopped();
  err.write(`\nStopping (${signal})…\n`);
  await service.close();
  return 0;
}
