import type { FlowFile, NodeDescription, Problem } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import type { ApiClient } from '../api/client';

/** What the editor hands the inspector. The inspector owns no flow state: it reports changes. */
export interface InspectorProps {
  /** The editor's current flow (unsaved changes included), for autocomplete and previews. */
  flow: FlowFile;
  node: FlowNode;
  /** Undefined when the node's type is unknown to this app. */
  description: NodeDescription | undefined;
  /** Validation problems of this node, each naming its node id and, for params, its field. */
  problems: Problem[];
  /** Immutable update: the whole next node (params, settings, name). */
  onChange(next: FlowNode): void;
  api: ApiClient;
}
