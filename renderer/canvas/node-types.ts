import { MemoFlowEdge } from './flow-edge';
import { MemoNodeCard } from './node-card';
import { MemoNoteCard } from './note-card';

// Module scope: a fresh object on each render would remount every node.
export const nodeTypes = { card: MemoNodeCard, note: MemoNoteCard };
export const edgeTypes = { flow: MemoFlowEdge };
