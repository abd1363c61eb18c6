import { useShallow } from 'zustand/react/shallow';
import { formatDuration, plural, statusText } from '../app/format';
import { ErrorDetails } from '../app/ErrorDetails';
import { Icon } from '../app/icons';
import { useEditor } from '../state/use-editor';

/** Run flow / Cancel, and how the last run ended. */
export function RunControls() {
  const { runState, runResult, startRun, cancelRun, flow } = useEditor(useShallow((s) => ({
    runState: s.runState, runResult: s.runResult, startRun: s.startRun, cancelRun: s.cancelRun, flow: s.flow,
  })));
  const isBusy = runState === 'starting' || runState === 'running';
  const failedNode = runResult?.error?.node ? flow.nodes.find((n) => n.id === runResult.error!.node || n.name === runResult.error!.node)?.name ?? runResult.error.node : undefined;
  return (
    <>
      {runResult && (
        <span className="badge run-chip" data-status={runResult.status} data-testid="run-status" role="status"
          data-failed-items={runResult.failedItems || undefined}
          title={runResult.error ? `${failedNode ? `“${failedNode}”: ` : ''}${runResult.error.message}` : undefined}>
          {runResult.status === 'running' ? <span className="spinner" /> : <span className="dot" />}
          {runResult.status === 'running' ? 'Running…' : runResult.error?.code === 'run.start' ? 'Not started' : statusText(runResult.status, runResult.failedItems)}
          {runResult.status !== 'running' && runResult.durationMs !== undefined && <> · {formatDuration(runResult.durationMs)}</>}
          {runResult.status === 'success' && runResult.itemsOut !== undefined && <> · {plural(runResult.itemsOut, 'item')}</>}
        </span>
      )}
      {runResult?.status === 'failed' && runResult.error && (
        <ErrorDetails text={`${failedNode ? `“${failedNode}”: ` : ''}${runResult.error.message}`} testId="run-error" />
      )}
      {isBusy ? (
        <button type="button" className="btn btn-danger" data-testid="cancel-run" onClick={() => void cancelRun()} disabled={runState === 'starting'}>
          <Icon name="stop" /> Cancel
        </button>
      ) : (
        <button type="button" className="btn btn-primary" data-testid="run-flow" onClick={() => void startRun('flow')} disabled={!flow.nodes.length}>
          <Icon name="play" /> Run flow
        </button>
      )}
    </>
  );
}
