import { Dialog } from './Dialog';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: [string[], string][] = [
  [[MOD, 'S'], 'Save'],
  [[MOD, 'Z'], 'Undo'],
  [[MOD, 'Shift', 'Z'], 'Redo (also Ctrl Y)'],
  [[MOD, 'C'], 'Copy the selection as flow JSON'],
  [[MOD, 'X'], 'Cut'],
  [[MOD, 'V'], 'Paste nodes (from this or another flow)'],
  [[MOD, 'D'], 'Duplicate the selection'],
  [[MOD, 'A'], 'Select everything'],
  [['Del'], 'Delete the selection (also Backspace)'],
  [['Shift', 'Click'], 'Add to the selection'],
  [['Shift', 'Drag'], 'Select with a box'],
  [[MOD, 'Enter'], 'Run the flow, or cancel the run'],
  [['F'], 'Fit the flow in view'],
  [['Shift', 'L'], 'Tidy up (auto-layout)'],
  [['Esc'], 'Clear the selection'],
  [['?'], 'This help'],
];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcut-help">
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut-row">
            <dt>{keys.map((k, i) => <kbd key={i}>{k}</kbd>)}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">In the palette, use ↑ ↓ and Enter to add a node at the centre of the canvas.</p>
    </Dialog>
  );
}
