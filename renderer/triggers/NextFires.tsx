import { useEffect, useState } from 'react';
import { useApi } from '../app/api-context';

/** Under a Schedule node's cron field: its next five fire times, computed by the engine (croner). */
export function NextFires({ cron, timezone }: { cron: unknown; timezone: unknown }) {
  const api = useApi();
  const [result, setResult] = useState<{ times: string[]; error?: string }>();
  useEffect(() => {
    if (typeof cron !== 'string' || !cron.trim()) return setResult(undefined);
    let isCurrent = true;
    const input = { cron, count: 5, ...(typeof timezone === 'string' && timezone ? { timezone } : {}) };
    const timer = setTimeout(() => void api.call('triggers.nextFires', input).then((r) => { if (isCurrent) setResult(r); }, () => {}), 200);
    return () => { isCurrent = false; clearTimeout(timer); };
  }, [api, cron, timezone]);
  if (!result) return null;
  if (result.error) return <p className="insp-hint is-danger" data-testid="next-fires-error">{result.error}</p>;
  return (
    <div className="insp-hint" data-testid="next-fires">
      Next runs:
      <ol>{result.times.map((t) => <li key={t}>{new Date(t).toLocaleString()}</li>)}</ol>
    </div>
  );
}
