/** Wait, No Operation and Execute Workflow. */
import type { Mapper } from './context';
import { read } from './context';

const UNITS: Record<string, [unit: string, factor: number]> = {
  seconds: ['seconds', 1], minutes: ['minutes', 1], hours: ['hours', 1], days: ['hours', 24],
};

/** Wait: a time interval or a specific time; resuming on a webhook or form has no equivalent. */
export const mapWait: Mapper = (c) => {
  const p = c.params;
  const resume = String(p.resume ?? 'timeInterval');
  if (resume === 'specificTime') {
    return { type: 'core.wait', params: { wait: { mode: 'until', dateTime: c.value(p.dateTime ?? '', 'dateTime') } } };
  }
  if (resume !== 'timeInterval') c.unsupported(`waiting for "${resume}" (a call or form that resumes the run) has no Junction equivalent`);
  const unitName = String(p.unit ?? 'hours');
  const known = UNITS[unitName];
  if (!known) c.unsupported(`the wait unit "${unitName}" has no Junction equivalent`);
  const amount = c.value(p.amount ?? 1, 'amount');
  const scaled = typeof amount === 'number' ? amount * known[1] : amount;
  if (typeof amount !== 'number' && known[1] !== 1) c.unsupported('a wait in days given by an expression has no Junction equivalent');
  return { type: 'core.wait', params: { wait: { mode: 'duration', amount: scaled, unit: known[0] } } };
};

export const mapNoop: Mapper = () => ({ type: 'core.noop', params: {} });

/** Junction has no node that runs another flow yet: the caller reports the target workflow. */
export const mapExecuteWorkflow: Mapper = (c) => {
  const source = String(c.params.source ?? 'database');
  const target = read(c.params, 'workflowId.cachedResultName') ?? read(c.params, 'workflowId.value') ?? c.params.workflowId ?? c.params.workflowPath ?? '';
  return c.unsupported(`Junction cannot run another flow from a flow yet; this node ran the n8n workflow ${JSON.stringify(String(target))} (${source}): import that workflow too and chain the flows by hand`);
};
