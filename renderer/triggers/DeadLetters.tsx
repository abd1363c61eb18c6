import { useCallback, useEffect, useState } from 'react';
import type { DeadLetterDto } from '../../engine/api';
import { useApi } from '../app/api-context';
import { formatRelative } from '../app/format';
import { errorText, toast } from '../state/toast-store';

/** Outgoing webhooks that failed every attempt: replay or discard (the same list as `junction dlq`). */
export function DeadLetters() {
  const api = useApi();
  const [list, setList] = useState<DeadLetterDto[]>();
  const reload = useCallback(() => void api.call('dlq.list', {}).then(setList, (e) => toast('error', `Could not list dead letters: ${errorText(e)}`)), [api]);
  useEffect(reload, [reload]);
  const act = (method: 'dlq.replay' | 'dlq.discard', d: DeadLetterDto) =>
    void api.call(method, { id: d.id }).then(() => { toast('success', method === 'dlq.replay' ? 'Queued again.' : 'Discarded.'); reload(); }, (e) => toast('error', errorText(e)));
  if (!list?.length) return null;
  return (
    <section className="dead-letters" data-testid="dead-letters" aria-label="Dead letters">
      <h2>Dead letters <span className="muted">outgoing webhooks that failed every attempt</span></h2>
      <table className="table">
        <thead><tr><th>URL</th><th>Failed</th><th className="col-num">Attempts</th><th>Last error</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id}>
              <td title={d.id}>{d.url}</td>
              <td title={new Date(d.failedAt).toLocaleString()}>{formatRelative(d.failedAt)}</td>
              <td className="col-num">{d.attempts}</td>
              <td>{d.lastError}</td>
              <td>
                <button type="button" className="btn btn-sm" onClick={() => act('dlq.replay', d)}>Replay</button>{' '}
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => act('dlq.discard', d)}>Discard</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
