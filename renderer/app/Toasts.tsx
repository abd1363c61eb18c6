import { useToasts } from '../state/toast-store';
import { Icon } from './icons';

/** Bottom-right notices; errors are announced assertively. */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast" data-kind={t.kind} data-testid={`toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-msg">{t.message}</span>
          {t.action && (
            <button type="button" className="btn btn-sm toast-action" data-testid="toast-action"
              onClick={() => { t.action!.run(); dismiss(t.id); }}>{t.action.label}</button>
          )}
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss" onClick={() => dismiss(t.id)}><Icon name="close" /></button>
        </div>
      ))}
    </div>
  );
}
