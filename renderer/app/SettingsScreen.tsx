import { useEffect, useState } from 'react';
import { SecretStoreSettings } from '../connections/SecretStoreSettings';
import { useApi } from './api-context';
import { SHORTCUTS } from './ShortcutHelp';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme';

const THEMES: { value: ThemeChoice; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Follows your operating system' },
  { value: 'light', label: 'Light', hint: '' },
  { value: 'dark', label: 'Dark', hint: '' },
];

/** Appearance, the workspace this window works on, and the shortcut list. */
export function SettingsScreen() {
  const api = useApi();
  const choice = useThemeChoice();
  const [info, setInfo] = useState<{ workspace: string; dataDir: string; version: string } | undefined>();
  useEffect(() => { api.call('workspace.info', {}).then(setInfo, () => undefined); }, [api]);
  return (
    <div className="screen">
      <header className="screen-head"><h1>Settings</h1></header>
      <div className="screen-body settings">
        <section className="settings-section">
          <h2>Appearance</h2>
          <div role="radiogroup" aria-label="Theme" className="segmented" data-testid="theme-choice">
            {THEMES.map((t) => (
              <label key={t.value} className="segment" data-checked={choice === t.value || undefined} title={t.hint}>
                <input type="radio" name="theme" value={t.value} checked={choice === t.value} onChange={() => setThemeChoice(t.value)} data-testid={`theme-${t.value}`} />
                {t.label}
              </label>
            ))}
          </div>
        </section>
        <section className="settings-section">
          <h2>Workspace</h2>
          {info ? (
            <dl className="kv">
              <dt>Flows folder</dt><dd className="mono">{info.workspace}</dd>
              <dt>Data folder</dt><dd className="mono">{info.dataDir}</dd>
              <dt>Version</dt><dd>{info.version}</dd>
            </dl>
          ) : <div className="skeleton" style={{ width: 280 }} />}
        </section>
        <SecretStoreSettings />
        <section className="settings-section">
          <h2>Keyboard shortcuts</h2>
          <dl className="shortcut-list">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={what} className="shortcut-row"><dt>{keys.map((k, i) => <kbd key={i}>{k}</kbd>)}</dt><dd>{what}</dd></div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
