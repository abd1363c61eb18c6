import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConnectionStatus } from '../app/api-context';
import { Icon } from '../app/icons';
import { navigate } from '../app/router';
import { selectIsDirty } from '../state/save-slice';
import { useEditor } from '../state/use-editor';
import { FlowName } from './FlowName';
import { FlowSettingsDialog } from './FlowSettingsDialog';
import { ProblemsButton } from './ProblemsButton';
import { RunControls } from './RunControls';
import { VersionsDialog } from './VersionsDialog';
import { ActiveToggle } from '../triggers/ActiveToggle';

function SaveState() {
  const { isDirty, saveState, saveError } = useEditor(useShallow((s) => ({ isDirty: selectIsDirty(s), saveState: s.saveState, saveError: s.saveError })));
  const status = useConnectionStatus();
  const text = saveState === 'saving' ? 'Saving…'
    : isDirty && status === 'closed' ? 'Offline — changes kept here'
    : saveState === 'error' && isDirty ? 'Save failed'
    : isDirty ? 'Unsaved changes' : saveState === 'saved' ? 'Saved' : 'All changes saved';
  return (
    <span className="save-state" data-testid="save-state" data-state={saveState} role="status" title={saveState === 'error' ? saveError : undefined}>
      {saveState === 'saving' && <span className="spinner" />}{text}
    </span>
  );
}

const IconButton = ({ icon, label, onClick, disabled, testId }: { icon: Parameters<typeof Icon>[0]['name']; label: string; onClick(): void; disabled?: boolean; testId?: string }) => (
  <button type="button" className="btn btn-ghost btn-icon" aria-label={label} title={label} onClick={onClick} disabled={disabled} data-testid={testId}>
    <Icon name={icon} />
  </button>
);

/** Name, save state, history and canvas tools, problems, Save and Run. */
export function TopBar({ onHelp, onLayout, onAddNote, onFit }: { onHelp(): void; onLayout(): void; onAddNote(): void; onFit(): void }) {
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const { isDirty, canUndo, canRedo, undo, redo, save, saveState } = useEditor(useShallow((s) => ({
    isDirty: selectIsDirty(s), canUndo: s.past.length > 0, canRedo: s.future.length > 0, undo: s.undo, redo: s.redo, save: s.save, saveState: s.saveState,
  })));
  return (
    <header className="topbar" aria-label="Flow editor toolbar">
      <button type="button" className="btn btn-ghost btn-sm crumb" onClick={() => navigate({ screen: 'flows' })}>Flows</button>
      <span className="crumb-sep" aria-hidden="true">/</span>
      <FlowName />
      {isDirty && <span className="dirty-dot" data-testid="dirty-marker" title="Unsaved changes" aria-label="Unsaved changes">•</span>}
      <SaveState />
      <div className="topbar-tools" role="toolbar" aria-label="Canvas tools">
        <IconButton icon="undo" label="Undo (Ctrl+Z)" onClick={undo} disabled={!canUndo} testId="undo" />
        <IconButton icon="redo" label="Redo (Ctrl+Shift+Z)" onClick={redo} disabled={!canRedo} testId="redo" />
        <IconButton icon="history" label="Version history" onClick={() => setHistoryOpen(true)} testId="version-history" />
        <IconButton icon="settings" label="Flow settings" onClick={() => setSettingsOpen(true)} testId="flow-settings-open" />
        <span className="tool-sep" />
        <IconButton icon="note" label="Add sticky note" onClick={onAddNote} testId="add-note" />
        <IconButton icon="layout" label="Tidy up (Shift+L)" onClick={onLayout} testId="auto-layout" />
        <IconButton icon="fit" label="Fit view (F)" onClick={onFit} testId="fit-view" />
        <IconButton icon="help" label="Keyboard shortcuts (?)" onClick={onHelp} testId="shortcuts" />
      </div>
      <div className="topbar-spacer" />
      <ActiveToggle />
      <ProblemsButton />
      <button type="button" className="btn" data-testid="save-flow" onClick={() => void save()} disabled={saveState === 'saving' || !isDirty}
        title="Save (Ctrl+S)">
        <Icon name="save" /> Save
      </button>
      <RunControls />
      {isHistoryOpen && <VersionsDialog onClose={() => setHistoryOpen(false)} />}
      {isSettingsOpen && <FlowSettingsDialog onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}
