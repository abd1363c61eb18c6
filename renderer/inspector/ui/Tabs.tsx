/**
 * WAI-ARIA tabs: one tab stop for the row, arrow keys move between tabs (and select them),
 * Home/End jump. Shared by the inspector and the data panel.
 */
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  testId?: string;
  isDisabled?: boolean;
  title?: string;
}

export interface TabsProps<T extends string> {
  items: readonly TabItem<T>[];
  value: T;
  onChange(id: T): void;
  ariaLabel: string;
  /** Prefix for tab and panel ids; pair panels with `tabPanelProps`. */
  idPrefix: string;
  variant?: 'line' | 'pill';
  /** False when the tabs filter one shared panel rather than switching panels (no aria-controls). */
  hasPanels?: boolean;
}

export const tabPanelProps = (idPrefix: string, id: string) => ({
  id: `${idPrefix}-panel-${id}`,
  role: 'tabpanel' as const,
  'aria-labelledby': `${idPrefix}-tab-${id}`,
});

export function Tabs<T extends string>({ items, value, onChange, ariaLabel, idPrefix, variant = 'line', hasPanels = true }: TabsProps<T>) {
  const enabled = items.filter((t) => !t.isDisabled);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = enabled.findIndex((t) => t.id === value);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? enabled.length - 1 : null;
    if (to === null || !enabled.length) return;
    e.preventDefault();
    const next = enabled[(to + enabled.length) % enabled.length];
    onChange(next.id);
    e.currentTarget.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-tab-${next.id}`)}`)?.focus();
  };
  return (
    <div className={`ui-tabs is-${variant}`} role="tablist" aria-label={ariaLabel} onKeyDown={onKeyDown}>
      {items.map((t) => (
        <button key={t.id} id={`${idPrefix}-tab-${t.id}`} type="button" role="tab" className="ui-tab"
          aria-selected={t.id === value} aria-controls={hasPanels ? `${idPrefix}-panel-${t.id}` : undefined} tabIndex={t.id === value ? 0 : -1}
          disabled={t.isDisabled} title={t.title} data-testid={t.testId} onClick={() => onChange(t.id)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
