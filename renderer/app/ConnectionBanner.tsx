import { useConnectionStatus } from './api-context';

/** Shown while the engine is unreachable; the editor keeps the person's work meanwhile. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  if (status === 'open') return null;
  return (
    <div className="conn-banner" role="alert" data-testid="connection-banner">
      <span className="spinner" /> Lost connection to the engine — reconnecting… Your unsaved changes are kept.
    </div>
  );
}
