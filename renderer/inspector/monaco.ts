/**
 * The one place Monaco is loaded. Fields import this small module eagerly; the editor itself
 * (several MB) is a separate chunk fetched the first time a field asks for an editor, from the
 * local monaco-editor package through vite — never from a CDN (the app runs offline and under
 * a strict CSP). Workers come from vite `?worker` imports for the same reason.
 */
import type * as MonacoNs from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker?worker';
import { suggest, type ExprContext, type SuggestionKind } from './completions';
import { registerExprLanguage } from './monaco-expr-language';

export type Monaco = typeof MonacoNs;
export type CodeEditor = MonacoNs.editor.IStandaloneCodeEditor;
export const EXPR_LANGUAGE = 'junction-expr';

/** What the Code node's body sees (engine/sandbox: `async function (items, $input) { … }`). */
const CODE_GLOBALS = `
interface JunctionItem { json: Record<string, any> }
/** The input items of this batch, each { json }. Return a list of items or plain objects. */
declare const items: JunctionItem[];
/** The same items: $input.all(), $input.first(), $input.last(). */
declare const $input: { all(): JunctionItem[]; first(): JunctionItem | undefined; last(): JunctionItem | undefined };
declare const console: { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
`;

let loading: Promise<Monaco> | undefined;
const exprContexts = new Map<string, () => ExprContext>();

/** Loads Monaco once; every later call returns the same promise. */
export function loadMonaco(): Promise<Monaco> {
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      if (label === 'typescript' || label === 'javascript') return new TsWorker();
      if (label === 'json') return new JsonWorker();
      return new EditorWorker();
    },
  };
  return (loading ??= import('./monaco-entry').then(({ monaco }) => {
    setUp(monaco);
    return monaco;
  }));
}

/** Lets the expression completion provider find the context of an editor's model. */
export function registerExprContext(modelUri: string, get: () => ExprContext): () => void {
  exprContexts.set(modelUri, get);
  return () => { exprContexts.delete(modelUri); };
}

function setUp(monaco: Monaco): void {
  registerExprLanguage(monaco, EXPR_LANGUAGE);
  const kinds: Record<SuggestionKind, MonacoNs.languages.CompletionItemKind> = {
    variable: monaco.languages.CompletionItemKind.Variable,
    field: monaco.languages.CompletionItemKind.Field,
    method: monaco.languages.CompletionItemKind.Method,
    property: monaco.languages.CompletionItemKind.Property,
    node: monaco.languages.CompletionItemKind.Module,
    keyword: monaco.languages.CompletionItemKind.Keyword,
  };
  monaco.languages.registerCompletionItemProvider(EXPR_LANGUAGE, {
    triggerCharacters: ['$', '.', '(', "'", '"', '['],
    provideCompletionItems(model, position) {
      const ctx = exprContexts.get(model.uri.toString())?.();
      if (!ctx) return { suggestions: [] };
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const suggestions = suggest(before, ctx).map((s) => {
        const start = model.getPositionAt(Math.max(0, model.getOffsetAt(position) - s.replace));
        return {
          label: s.label,
          insertText: s.insertText,
          kind: kinds[s.kind],
          ...(s.detail ? { detail: s.detail } : {}),
          ...(s.documentation ? { documentation: s.documentation } : {}),
          ...(s.filterText ? { filterText: s.filterText } : {}),
          ...(s.sortText ? { sortText: s.sortText } : {}),
          range: new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column),
        };
      });
      return { suggestions };
    },
  });

  const js = monaco.typescript.javascriptDefaults;
  js.setCompilerOptions({ target: monaco.typescript.ScriptTarget.ES2020, allowNonTsExtensions: true, allowJs: true, checkJs: false, lib: ['es2022'] });
  // The body is a function's: `return` and `await` at the top level are fine (1108, 1375, 1378).
  js.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false, diagnosticCodesToIgnore: [1108, 1375, 1378] });
  js.addExtraLib(CODE_GLOBALS, 'ts:junction-code-globals.d.ts');

  // Disposing an editor cancels its pending work with a "Canceled" rejection nobody awaits.
  addEventListener('unhandledrejection', (e) => { if ((e.reason as Error | undefined)?.name === 'Canceled') e.preventDefault(); });

  applyTheme(monaco);
  const reapply = () => applyTheme(monaco);
  new MutationObserver(reapply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', reapply);
}

/** The app theme: the shell's `data-theme`, else the system's. */
export function currentTheme(): 'light' | 'dark' {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// Monaco themes take hex colours; CSS variables may hold any colour syntax, so let the browser convert.
function cssColor(expr: string): string | undefined {
  const probe = document.createElement('span');
  probe.style.color = expr;
  probe.style.display = 'none';
  document.body.appendChild(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return m ? `#${m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : undefined;
}

function applyTheme(monaco: Monaco): void {
  const theme = currentTheme();
  const dark = theme === 'dark';
  const bg = cssColor(`var(--input-bg, var(--panel, ${dark ? '#23262b' : '#ffffff'}))`);
  const fg = cssColor(`var(--text, ${dark ? '#e6e7e9' : '#1f2328'})`);
  const accent = cssColor(`var(--accent, ${dark ? '#5b8cff' : '#2f6fed'})`) ?? '#2f6fed';
  const name = `junction-${theme}`;
  monaco.editor.defineTheme(name, {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'delimiter.expr', foreground: accent.slice(1), fontStyle: 'bold' },
      { token: 'variable.predefined', foreground: dark ? 'c586c0' : '8250df' },
      { token: 'text', foreground: (fg ?? (dark ? '#e6e7e9' : '#1f2328')).slice(1) },
    ],
    colors: {
      ...(bg ? { 'editor.background': bg, 'editorGutter.background': bg } : {}),
      ...(fg ? { 'editor.foreground': fg } : {}),
      'editor.lineHighlightBackground': '#00000000',
      'editor.lineHighlightBorder': '#00000000',
      focusBorder: '#00000000',
    },
  });
  monaco.editor.setTheme(name);
}
