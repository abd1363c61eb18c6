/**
 * The inspector and data panel are written alongside this editor. They load lazily and only
 * if their files exist (import.meta.glob yields nothing otherwise), and a failure inside
 * them is contained to their slot instead of taking the canvas down.
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { DataPanelProps } from '../data-panel/types';
import type { InspectorProps } from '../inspector/types';

const inspectorModules = import.meta.glob<{ Inspector: ComponentType<InspectorProps> }>('../inspector/Inspector.tsx');
const dataPanelModules = import.meta.glob<{ DataPanel: ComponentType<DataPanelProps> }>('../data-panel/DataPanel.tsx');

const Nothing = () => null;

function guarded<P extends object, M>(modules: Record<string, () => Promise<M>>, pick: (m: M) => ComponentType<P> | undefined) {
  const load = Object.values(modules)[0];
  if (!load) return undefined;
  return lazy(async () => ({ default: pick(await load()) ?? (Nothing as ComponentType<P>) }));
}

const LazyInspector = guarded(inspectorModules, (m) => m.Inspector);
const LazyDataPanel = guarded(dataPanelModules, (m) => m.DataPanel);

export const hasInspector = !!LazyInspector;
export const hasDataPanel = !!LazyDataPanel;

class SlotBoundary extends Component<{ name: string; children: ReactNode; resetKey: string }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) { return { error }; }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }
  override render() {
    if (this.state.error) return <div className="slot-error error-box" role="alert">The {this.props.name} failed: {this.state.error.message}</div>;
    return this.props.children;
  }
}

const Loading = ({ label }: { label: string }) => <div className="slot-loading muted"><span className="spinner" /> Loading {label}…</div>;

export function InspectorSlot(props: InspectorProps) {
  if (!LazyInspector) return null;
  return (
    <SlotBoundary name="inspector" resetKey={props.node.id}>
      <Suspense fallback={<Loading label="inspector" />}><LazyInspector {...props} /></Suspense>
    </SlotBoundary>
  );
}

export function DataPanelSlot(props: DataPanelProps) {
  if (!LazyDataPanel) return null;
  return (
    <SlotBoundary name="data panel" resetKey={props.node.id}>
      <Suspense fallback={<Loading label="data" />}><LazyDataPanel {...props} /></Suspense>
    </SlotBoundary>
  );
}
