/**
 * An expression field: a compact Monaco editor with `$json` / `$('Node')` / helper completion,
 * and under it the value the expression gives for the first input item.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Problem } from '../../engine/sdk/schema';
import { useInspectorEnv } from './inspector-env';
import { LazyEditor } from './LazyEditor';
import { EXPR_LANGUAGE, registerExprContext, type CodeEditor, type Monaco } from './monaco';
import { previewText, useExprPreview } from './use-expr-preview';

export interface ExpressionEditorProps {
  path: string;
  value: string;
  onChange(next: string): void;
  ariaLabel: string;
  describedBy?: string;
  isInvalid?: boolean;
  isMultiline?: boolean;
  autoFocus?: boolean;
}

export function ExpressionEditor({ path, value, onChange, ariaLabel, describedBy, isInvalid, isMultiline, autoFocus }: ExpressionEditorProps) {
  const env = useInspectorEnv();
  const problems = env.problemsAt(path);
  const live = useRef<{ ed: CodeEditor; monaco: Monaco }>(undefined);
  const problemsRef = useRef(problems);
  problemsRef.current = problems;
  const onEditor = useCallback((ed: CodeEditor, monaco: Monaco) => {
    live.current = { ed, monaco };
    markProblems(ed, monaco, problemsRef.current);
    const unregister = registerExprContext(ed.getModel()!.uri.toString(), env.exprContext);
    return () => { unregister(); live.current = undefined; };
  }, [env.exprContext]);
  useEffect(() => { if (live.current) markProblems(live.current.ed, live.current.monaco, problems); }, [problems]);
  return (
    <div className="insp-expr">
      <div data-testid={`expr-${path}`}>
        <LazyEditor value={value} onChange={onChange} language={EXPR_LANGUAGE} mountOn="focus" singleLine={!isMultiline}
          minLines={1} maxLines={isMultiline ? 12 : 5} ariaLabel={`${ariaLabel} (expression)`} describedBy={describedBy}
          invalid={isInvalid} autoFocus={autoFocus} placeholder="{{ $json.field }}" onEditor={onEditor} />
      </div>
      <ExpressionPreview path={path} expression={value} />
    </div>
  );
}

/** A syntax error underlines the character it points at, so the fix is found without counting. */
function markProblems(ed: CodeEditor, monaco: Monaco, problems: readonly Problem[]): void {
  const model = ed.getModel();
  if (!model) return;
  const length = model.getValueLength();
  monaco.editor.setModelMarkers(model, 'junction', problems.filter((p) => p.position !== undefined).map((p) => {
    const at = Math.min(p.position!, Math.max(0, length - 1));
    const start = model.getPositionAt(at);
    const end = model.getPositionAt(Math.min(at + 1, length));
    return { severity: monaco.MarkerSeverity.Error, message: p.message, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
  }));
}

function ExpressionPreview({ path, expression }: { path: string; expression: string }) {
  const preview = useExprPreview(expression);
  if (preview.state === 'idle') return null;
  let body;
  if (preview.state === 'loading') body = <span className="is-muted">…</span>;
  else if (preview.state === 'no-data') body = <span className="is-muted">Run the flow once to preview values</span>;
  else if (preview.state === 'error') body = <span className="is-error">{preview.message}</span>;
  else {
    const { text, isMuted } = previewText(preview.value);
    body = <span className={isMuted ? 'is-muted' : undefined}>{text}</span>;
  }
  return (
    <div className="insp-preview" data-testid={`preview-${path}`} data-state={preview.state} aria-live="polite">
      <span className="insp-preview-label">Result</span>
      {body}
    </div>
  );
}
