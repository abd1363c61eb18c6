import { memo, useState } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import type { StickyNote } from '../../engine/flow/types';
import { useEditor } from '../state/use-editor';
import { Markdown } from './markdown';

export type NoteData = { note: StickyNote; readOnly: boolean };
export type NoteNode = Node<NoteData, 'note'>;

/** A sticky note: dragged by its strip, Markdown shown and edited in place, resized when selected. */
function NoteCard({ data, selected }: NodeProps<NoteNode>) {
  const updateNote = useEditor((s) => s.updateNote);
  const { note, readOnly } = data;
  const [isEditing, setEditing] = useState(false);
  return (
    <div className="note-card" data-testid={`note-${note.id}`} data-selected={selected || undefined}>
      {!readOnly && <NodeResizer isVisible={selected} minWidth={140} minHeight={80} lineClassName="note-resize-line" handleClassName="note-resize-handle" />}
      <div className="note-strip" aria-hidden="true" />
      {isEditing && !readOnly ? (
        <textarea className="note-text nodrag nowheel" autoFocus defaultValue={note.text} aria-label="Note text"
          onChange={(e) => updateNote(note.id, { text: e.target.value }, `note:${note.id}`)}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => { if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur(); e.stopPropagation(); }} />
      ) : (
        <div className="note-view" role="button" tabIndex={0} aria-label="Edit note"
          onDoubleClick={() => setEditing(true)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setEditing(true); } }}>
          {note.text ? <Markdown text={note.text} /> : <span className="subtle">Double-click to write a note</span>}
        </div>
      )}
    </div>
  );
}

export const MemoNoteCard = memo(NoteCard);
