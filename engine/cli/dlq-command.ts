import { resolve } from 'node:path';
import { createService } from '../service';
import { defaultDataDir } from '../store';
import { defaultWorkspace } from './serve-command';
import { formatTable } from './table';
import type { Terminal } from './terminal';

export interface DlqArgs { action: string; id?: string; dataDir?: string; workspace?: string; json: boolean }

/** `junction dlq list|show|replay|discard`: the outgoing webhooks that failed every attempt. */
export async function dlqCommand(args: DlqArgs, out: Terminal, err: Terminal): Promise<number> {
  if (args.action !== 'list' && !args.id) {
    err.write(`junction: dlq ${args.action} needs the id of a dead letter (see junction dlq list)\n`);
    return 2;
  }
  const service = createService({ workspace: resolve(args.workspace ?? defaultWorkspace()), dataDir: resolve(args.dataDir ?? defaultDataDir()) });
  const h = service.handlers;
  try {
    switch (args.action) {
      case 'list': {
        const list = await h['dlq.list']({});
        if (args.json) out.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (!list.length) out.write('No dead letters.\n');
        else out.write(`${formatTable(['id', 'failed at', 'attempts', 'url', 'last error'], list.map((d) => [d.id, d.failedAt, d.attempts, d.url, d.lastError ?? '']))}\n`);
        return 0;
      }
      case 'show': {
        const d = await h['dlq.get']({ id: args.id! });
        out.write(args.json ? `${JSON.stringify(d, null, 2)}\n` : `${Object.entries(d).map(([k, v]) => `${k}: ${String(v)}`).join('\n')}\n`);
        return 0;
      }
      case 'replay':
        await h['dlq.replay']({ id: args.id! });
        out.write(`Queued ${args.id} again; it is sent while junction start, serve or the app runs.\n`);
        return 0;
      case 'discard':
        await h['dlq.discard']({ id: args.id! });
        out.write(`Discarded ${args.id}.\n`);
        return 0;
      default:
        err.write(`junction: dlq takes list, show, replay or discard, not "${args.action}"\n`);
        return 2;
    }
  } finally {
    await service.close();
  }
}
