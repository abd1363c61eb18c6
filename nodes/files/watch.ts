import { basename, matchesGlob, relative, sep } from 'node:path';
import { defineNode, p } from '../../engine/sdk';
import { folderToWatch } from './file-paths';

export default defineNode({
  type: 'file.watch', version: 1,
  title: 'Watch Folder', category: 'trigger',
  description: 'Starts a run for each file that appears (or changes) in a folder, once the file has stopped growing. Gives { path, name, size, event }; follow it with Read File. Hidden files (starting with a dot) are ignored, so half-written files of Write File never start a run. Relative folders start at the workspace folder; system folders are refused.',
  inputs: [], outputs: ['main'],
  isTrigger: true,
  params: p.object({
    folder: p.string().required().placeholder('inbox').describe('The folder to watch.'),
    pattern: p.string().default('*').literal().describe('Which files, as a glob against the path inside the folder: *.csv, **/*.xlsx, report-*.json.'),
    events: p.select(['new', 'changed', 'both'], { new: 'New files', changed: 'Changed files', both: 'New and changed files' }).default('new').literal(),
    recursive: p.boolean().default(false).literal().describe('Also watch the folders inside it.'),
    stableMs: p.number().int().min(100).max(600_000).default(2000).literal().describe('How long a file must stay the same size before it counts as written (milliseconds).'),
  }),
  async listen(ctx, emit) {
    const { watch } = await import('chokidar');
    const folder = await folderToWatch(ctx.params.folder);
    const { pattern, events, recursive, stableMs } = ctx.params;
    const isHidden = (path: string) => relative(folder, path).split(sep).some((part) => part.startsWith('.'));
    const watcher = watch(folder, {
      ignoreInitial: true,
      depth: recursive ? 99 : 0,
      awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.min(250, stableMs / 2) },
      ignored: (path, stats) => path !== folder && (isHidden(path) || (stats?.isFile() === true && !matchesGlob(relative(folder, path), pattern))),
    });
    const wants = (event: 'add' | 'change') => events === 'both' || (event === 'add' ? events === 'new' : events === 'changed');
    const onFile = (event: 'add' | 'change') => (path: string, stats?: { size: number; mtimeMs: number }) => {
      if (!wants(event) || !matchesGlob(relative(folder, path), pattern)) return;
      emit([{ path, name: basename(path), size: stats?.size ?? null, event: event === 'add' ? 'new' : 'changed', modifiedAt: stats ? new Date(stats.mtimeMs).toISOString() : null }]);
    };
    watcher.on('add', onFile('add'));
    watcher.on('change', onFile('change'));
    watcher.on('error', (e) => ctx.log.warn(`Watching "${folder}" met a problem: ${(e as Error).message}`));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    const stop = () => watcher.close();
    ctx.signal.addEventListener('abort', () => { void stop(); }, { once: true });
    return stop;
  },
  execute: (ctx) => ({ main: ctx.items }),
});
