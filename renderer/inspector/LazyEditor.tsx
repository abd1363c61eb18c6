/**
 * A Monaco editor that exists only while it is needed. Until then a light text preview of
 * the same size stands in, so a node with 30 fields mounts no editor at all. Expression and
 * JSON fields create their editor on focus and drop it on blur; the Code field creates it
 * when it scrolls into view and keeps it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { EXPR_LANGUAGE, loadMonaco, type CodeEditor, type Monaco } from './monaco';

export interface LazyEditorProps {
  value: string;
  onChange(next: string): void;
  language: typeof EXPR_LANGUAGE | 'json' | 'javascript';
  mountOn: 'focus' | 'visible';
  minLines?: number;
  maxLines?: number;
  /** Fixed height in px (the Code field); otherwise the height follows the content. */
  height?: number;
  /** Enter accepts a suggestion but never adds a line. */
  singleLine?: boolean;
  readOnly?: boolean;
  ariaLabel: string;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  /** Create and focus the editor at once (after switching a field to an expression). */
  autoFocus?: boolean;
  /** Per-editor setup such as the completion context; returns its cleanup. */
  onEditor?(editor: CodeEditor, monaco: Monaco): (() => void) | void;
}

const LINE = 19;
const PAD = 5;
const FONT = "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace";
const clampLines = (px: number, min: number, max: number) => Math.min(max * LINE, Math.max(min * LINE, px - 2 * PAD)) + 2 * PAD;

export function LazyEditor(props: LazyEditorProps) {
  const { value, language, mountOn, minLines = 1, maxLines = 8, height, singleLine, readOnly, autoFocus } = props;
  const [isActive, setActive] = useState(!!autoFocus);
  const [isReady, setReady] = useState(false);
  const [contentHeight, setContentHeight] = useState<number>();
  const wrapRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<CodeEditor | undefined>(undefined);
  const wantsFocus = useRef(!!autoFocus);
  // Monaco's listeners outlive renders: they read the latest props through this ref.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (mountOn !== 'visible' || isActive || !wrapRef.current) return;
    const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) setActive(true); });
    io.observe(wrapRef.current);
    return () => io.disconnect();
  }, [mountOn, isActive]);

  useEffect(() => {
    if (!isActive) return;
    let editor: CodeEditor | undefined;
    let isGone = false;
    let blurTimer: ReturnType<typeof setTimeout> | undefined;
    const cleanups: { dispose(): void }[] = [];
    loadMonaco().then((monaco) => {
      if (isGone || !hostRef.current) return;
      const isCode = language === 'javascript';
      editor = monaco.editor.create(hostRef.current, {
        value: latest.current.value, language, readOnly, ariaLabel: latest.current.ariaLabel,
        placeholder: latest.current.placeholder, automaticLayout: true, fixedOverflowWidgets: true,
        fontFamily: FONT, fontSize: 12.5, lineHeight: LINE, padding: { top: PAD, bottom: PAD },
        minimap: { enabled: false }, scrollBeyondLastLine: false, overviewRulerLanes: 0, overviewRulerBorder: false,
        hideCursorInOverviewRuler: true, glyphMargin: false, folding: isCode, stickyScroll: { enabled: false },
        lineNumbers: isCode ? 'on' : 'off', lineNumbersMinChars: 3, lineDecorationsWidth: isCode ? 6 : 2,
        renderLineHighlight: isCode ? 'line' : 'none', wordWrap: isCode ? 'off' : 'on', contextmenu: isCode,
        // Tab moves focus out of small editors, as in any form; the Code editor keeps Tab for indenting (Ctrl+M toggles).
        tabFocusMode: !isCode, tabSize: 2, renderWhitespace: 'none',
        // A real textarea rather than EditContext: the canvas's key handlers (Space pans, Delete
        // removes nodes) recognise textareas as typing and leave their keys alone.
        editContext: false,
        quickSuggestions: language === EXPR_LANGUAGE ? { other: true, strings: true, comments: false } : true,
        scrollbar: { verticalScrollbarSize: 8, horizontalScrollbarSize: 8, alwaysConsumeMouseWheel: false, useShadows: false },
      });
      editorRef.current = editor;
      const ed = editor;
      cleanups.push(ed.onDidChangeModelContent(() => latest.current.onChange(ed.getValue())));
      cleanups.push(ed.onDidContentSizeChange((e) => setContentHeight(e.contentHeight)));
      setContentHeight(ed.getContentHeight());
      if (singleLine) {
        ed.addAction({ id: 'junction.noNewline', label: 'Keep on one line', keybindings: [monaco.KeyCode.Enter], precondition: '!suggestWidgetVisible', run: () => undefined });
      }
      if (mountOn === 'focus') {
        cleanups.push(ed.onDidBlurEditorWidget(() => {
          blurTimer = setTimeout(() => { if (!ed.hasWidgetFocus()) setActive(false); }, 150);
        }));
        cleanups.push(ed.onDidFocusEditorWidget(() => clearTimeout(blurTimer)));
      }
      const extra = latest.current.onEditor?.(ed, monaco);
      if (extra) cleanups.push({ dispose: extra });
      if (wantsFocus.current) {
        wantsFocus.current = false;
        placeCursor(ed, language);
        ed.focus();
      }
      setReady(true);
    });
    return () => {
      isGone = true;
      clearTimeout(blurTimer);
      cleanups.forEach((d) => d.dispose());
      editor?.dispose();
      editorRef.current = undefined;
      setReady(false);
    };
  }, [isActive, language, readOnly, singleLine, mountOn]);

  // Outside changes (undo, another control) flow in; our own edits already match.
  useEffect(() => {
    const ed = editorRef.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
  }, [value]);

  const boxHeight = height ?? (contentHeight !== undefined ? clampLines(contentHeight, minLines, maxLines) : undefined);
  const activate = () => {
    // Still loading: the editor takes the focus when it appears, not the canvas behind it.
    if (!editorRef.current) wantsFocus.current = true;
    if (isActive) return editorRef.current?.focus();
    setActive(true);
  };

  return (
    <div ref={wrapRef} className="lz-editor" data-ready={isReady} data-invalid={props.invalid || undefined}
      style={{ height: isActive ? boxHeight ?? previewHeight(value, minLines, maxLines, height) : undefined }}>
      {isActive && <div ref={hostRef} className="lz-editor-host" />}
      {!isReady && (
        <div className={`lz-editor-preview${isActive ? ' is-loading' : ''}`} role="textbox" tabIndex={0}
          aria-label={props.ariaLabel} aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined}
          aria-multiline={!singleLine} aria-readonly={readOnly || undefined} onFocus={activate}
          // No default: the browser's own focus handling for this press would land after the preview
          // is gone and take focus away from the editor that replaced it.
          onMouseDown={(e) => { e.preventDefault(); activate(); }}
          style={{ minHeight: previewHeight('', minLines, minLines, height), maxHeight: height ?? maxLines * LINE + 2 * PAD }}>
          {value === '' ? <span className="lz-placeholder">{props.placeholder ?? ''}</span> : previewText(value, language)}
        </div>
      )}
    </div>
  );
}

function previewHeight(value: string, minLines: number, maxLines: number, fixed?: number): number {
  if (fixed) return fixed;
  const lines = Math.max(1, value.split('\n').length);
  return Math.min(maxLines, Math.max(minLines, lines)) * LINE + 2 * PAD;
}

// Expressions show their `{{ }}` parts highlighted, as the editor will.
function previewText(value: string, language: string): ReactNode {
  if (language !== EXPR_LANGUAGE) return value;
  return value.split(/(\{\{[\s\S]*?\}\})/).map((part, i) => (i % 2 ? <span key={i} className="lz-expr">{part}</span> : part));
}

// After "fx": the cursor goes inside the last `{{ }}`, ready for `$json.`.
function placeCursor(ed: CodeEditor, language: string): void {
  const model = ed.getModel();
  if (!model) return;
  const text = model.getValue();
  const close = language === EXPR_LANGUAGE ? text.lastIndexOf('}}') : -1;
  const offset = close > 0 ? (text[close - 1] === ' ' ? close - 1 : close) : text.length;
  ed.setPosition(model.getPositionAt(offset));
}
