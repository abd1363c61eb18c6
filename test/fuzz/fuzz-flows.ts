import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lazyCodeRunner } from '../../engine/exec/lazy-code-runner';
import { runFlow } from '../../engine/exec/run-flow';
import { parseFlowText, serializeFlow, type FlowFile } from '../../engine/flow';
import { builtinRegistry } from '../../engine/registry';
import { isJunctionError } from '../../engine/sdk/errors';
import type { Problem } from '../../engine/sdk/schema';
import { readFlowText } from '../../engine/service/flow-text';
import { tempService } from '../../engine/service/testing';
import { mutate, random, type Scale } from './mutations';

/**
 * Feeds mutated flow files through everything that reads one: validate, open (as the
 * editor does), save (canonical text), import into a workspace and open it again, and run.
 * What counts as a fault: an exception that is not a JunctionError (the kind that reaches
 * a person as "internal error"), a run still going after its deadline, a problem without
 * a JSON path, or a problem list or message past its bounds.
 */
export interface FuzzOptions {
  seed: number;
  count: number;
  scale: Scale;
  /** Import every n-th case into the workspace (each import writes and syncs a file). */
  importEvery: number;
  /** Run every n-th case that validates cleanly. */
  runEvery: number;
  /** A run still going after this long is a hang (a Code node's own deadline is 5 s by default). */
  runDeadlineMs: number;
  examplesDir: string;
  /** Called every 500 cases with the counts so far (the long run prints them). */
  onProgress?(report: FuzzReport): void;
}

export interface Fault { case: number; stage: string; kind: string; mutations: string[]; message: string }
export interface FuzzReport {
  cases: number;
  uncaught: number;
  hangs: number;
  /** Stages other than a run that took longer than SLOW_MS (reading a file should never). */
  slow: number;
  pathless: number;
  unbounded: number;
  /** Problems reported in all, and cases refused with a clear error (JunctionError). */
  problems: number;
  refused: number;
  runs: number;
  faults: Fault[];
  ms: number;
  /** Time spent in each stage, and the slowest single case of each. */
  stageMs: Record<string, { total: number; max: number }>;
}

const MAX_LISTED = 201;
const SLOW_MS = 5_000;
const MAX_PATH = 300;
const MAX_MESSAGE = 1_000;

export async function fuzzFlows(o: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const examples = readdirSync(o.examplesDir).filter((f) => f.endsWith('.flow.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(o.examplesDir, f), 'utf8')) as Record<string, unknown>);
  const types = builtinRegistry();
  const code = lazyCodeRunner();
  const svc = tempService(types);
  const report: FuzzReport = { cases: 0, uncaught: 0, hangs: 0, slow: 0, pathless: 0, unbounded: 0, problems: 0, refused: 0, runs: 0, faults: [], ms: 0, stageMs: {} };
  const r = random(o.seed);
  let clean = 0;

  try {
    for (let i = 0; i < o.count; i++) {
      const { text, kinds } = mutate(r.pick(examples), r, o.scale);
      report.cases++;
      const fault = (stage: string, kind: keyof FuzzReport, message: string) => {
        (report[kind] as number)++;
        if (report.faults.length < 50) report.faults.push({ case: i, stage, kind, mutations: kinds, message: message.slice(0, 500) });
      };
      const checkProblems = (stage: string, problems: Problem[]) => {
        report.problems += problems.length;
        if (problems.length > MAX_LISTED) fault(stage, 'unbounded', `${problems.length} problems`);
        for (const p of problems) {
          if (typeof p.path !== 'string' || !p.path.startsWith('$')) fault(stage, 'pathless', `${p.code}: ${p.message}`);
          if (p.path.length > MAX_PATH || p.message.length > MAX_MESSAGE) fault(stage, 'unbounded', `${p.code}: ${p.path.length}+${p.message.length} characters`);
        }
      };
      /** Runs one stage; a JunctionError is a clear refusal, anything else a fault. */
      const stage = async <T>(name: string, work: () => T | Promise<T>): Promise<T | undefined> => {
        const started = performance.now();
        try {
          return await work();
        } catch (e) {
          if (isJunctionError(e)) { report.refused++; return undefined; }
          fault(name, 'uncaught', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
          return undefined;
        } finally {
          const ms = performance.now() - started;
          if (ms > SLOW_MS && name !== 'run') fault(name, 'slow', `took ${Math.round(ms)} ms`);
          const s = (report.stageMs[name] ??= { total: 0, max: 0 });
          s.total += ms;
          s.max = Math.max(s.max, ms);
        }
      };

      const validated = await stage('validate', () => parseFlowText(text, types));
      if (validated) checkProblems('validate', validated.problems);
      // Opening a file that validates reads it the same way; only a flawed one takes the repair path.
      let opened: { flow: FlowFile } | undefined = validated?.flow ? { flow: validated.flow } : undefined;
      if (!opened) {
        const repaired = await stage('open', () => readFlowText(text, types, 'the file'));
        if (repaired) { checkProblems('open', repaired.problems); opened = repaired; }
      }
      const saved = opened && await stage('save', () => serializeFlow(opened.flow));
      const sampled = i % o.importEvery === 0;
      if (saved && sampled) await stage('reopen', () => checkProblems('reopen', parseFlowText(saved, types).problems));
      if (sampled) {
        const imported = await stage('import', () => svc.handlers['flows.import']({ text, fileName: `case-${i}.flow.json` }));
        if (imported) {
          checkProblems('import', imported.problems);
          // A flow the workspace accepted must open again.
          const again = await stage('import-open', () => svc.handlers['flows.get']({ id: imported.flow.id }));
          if (!again) fault('import-open', 'uncaught', 'an imported flow could not be opened again');
          await stage('import-delete', () => svc.handlers['flows.delete']({ id: imported.flow.id }));
        }
      }
      if (validated?.flow && validated.problems.length === 0 && clean++ % o.runEvery === 0) {
        report.runs++;
        await stage('run', () => runWithDeadline(validated.flow!, o.runDeadlineMs, () => fault('run', 'hangs', `still running after ${o.runDeadlineMs} ms`)));
      }
      if ((i + 1) % 500 === 0) o.onProgress?.({ ...report, ms: Math.round(performance.now() - t0) });
    }
  } finally {
    await code.close();
    await svc.dispose();
  }
  report.ms = Math.round(performance.now() - t0);
  return report;

  async function runWithDeadline(flow: FlowFile, deadlineMs: number, onHang: () => void) {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => { timer = setTimeout(() => done('late'), deadlineMs); });
    const run = runFlow(flow, { types, code, signal: controller.signal });
    try {
      if ((await Promise.race([run, late])) === 'late') {
        onHang();
        controller.abort();
        // A run that ignores its cancel too is left behind; the count already has it.
        await Promise.race([run.catch(() => undefined), new Promise((done) => setTimeout(done, 2_000))]);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
