import { memo } from 'react';
import { BaseEdge, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';

const LOOP_GAP = 36;

/**
 * A bezier edge, except when it runs backwards (into a Loop node from its body): that one is
 * routed under both nodes, so it is not hidden behind the cards it connects.
 */
function FlowEdge(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, interactionWidth } = props;
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  let path: string;
  // Only a truly backward edge loops; neighbours placed close together keep a plain curve.
  if (targetX < sourceX - 8 && from && to) {
    const bottomOf = (n: typeof from) => n.internals.positionAbsolute.y + (n.measured.height ?? 0);
    const y = Math.max(bottomOf(from), bottomOf(to)) + LOOP_GAP;
    const out = sourceX + LOOP_GAP;
    const back = targetX - LOOP_GAP;
    path = `M ${sourceX} ${sourceY} C ${out} ${sourceY} ${out} ${y} ${sourceX} ${y} L ${targetX} ${y} C ${back} ${y} ${back} ${targetY} ${targetX} ${targetY}`;
  } else {
    [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  }
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />;
}

export const MemoFlowEdge = memo(FlowEdge);
