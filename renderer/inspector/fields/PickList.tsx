/** A compact chooser beside a text field for values the inspector knows (a database's tables and columns). */
export function PickList({ path, label, options, value, onPick }: {
  path: string; label: string; options: { value: string; label?: string }[]; value: string; onPick(value: string): void;
}) {
  const isKnown = options.some((o) => o.value === value);
  return (
    <select className="insp-input insp-pick" data-testid={`pick-${path}`} aria-label={`${label}: choose from the database`}
      value={isKnown ? value : ''} onChange={(e) => { if (e.target.value) onPick(e.target.value); }}>
      <option value="">{options.length} from the database…</option>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label ? `${o.value} — ${o.label}` : o.value}</option>)}
    </select>
  );
}
