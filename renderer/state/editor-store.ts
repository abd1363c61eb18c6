import { createStore, type StateCreator, type StoreApi } from 'zustand';
import type { FlowFile } from '../../engine/flow/types';
import type { ApiClient } from '../api/client';
import { createCheckSlice, type CheckSlice } from './check-slice';
import { createFlowSlice, type FlowSlice } from './flow-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type EditorState = FlowSlice & HistorySlice & SelectionSlice & RunSlice & CheckSlice & SaveSlice & ViewSlice;
export type Slice<T> = StateCreator<EditorState, [], [], T>;
export type EditorStore = StoreApi<EditorState>;

export interface EditorOptions {
  api: ApiClient;
  /** The flow on disk; `flow` differs from it when a draft was restored. */
  saved?: FlowFile;
  /** The run view shows a recorded run: no edits, no history. */
  readOnly?: boolean;
}

/** One store per open editor (or run view), so two never share state by accident. */
export const createEditorStore = (flow: FlowFile, opts: EditorOptions): EditorStore =>
  createStore<EditorState>()((...a) => ({
    ...createFlowSlice(flow, !!opts.readOnly)(...a),
    ...createHistorySlice(...a),
    ...createSelectionSlice(...a),
    ...createRunSlice(opts.api)(...a),
    ...createCheckSlice(...a),
    ...createSaveSlice(opts.api, opts.saved ?? flow)(...a),
    ...createViewSlice(...a),
  }));
