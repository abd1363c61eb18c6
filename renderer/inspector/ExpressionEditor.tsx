/**
 * An expression field: a compact Monaco editor with `$json` / `$('Node')` / helper completion,
 * and under it the value the expression gives for the first input item.
 */
import { useCallback } from 'react';
import { useInspectorEnv } from './inspector-env';
import { LazyEditor } from './LazyEditor';
import { EXPR_LANGUAGE, registerExprContext, type CodeEditor } from './monaco';
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
  const onEditor = useCallback((ed: CodeEditor) => registerExprContext(ed.getModel()!.uri.toString(), env.exprContext), [env.exprContext]);
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
