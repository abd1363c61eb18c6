/**
 * The expression language as Monaco sees it: plain text with `{{ … }}` templates whose
 * insides look like JavaScript expressions. Only colouring and brackets live here; what
 * the engine accepts is decided by its compiler, which the preview runs.
 */
import type * as MonacoNs from 'monaco-editor';

export function registerExprLanguage(monaco: typeof MonacoNs, id: string): void {
  monaco.languages.register({ id });
  monaco.languages.setLanguageConfiguration(id, {
    brackets: [['{{', '}}'], ['(', ')'], ['[', ']'], ['{', '}']],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: "'", close: "'", notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
      { open: '`', close: '`', notIn: ['string'] },
    ],
    // `$json` is one word, so double-click and suggestions treat it whole.
    wordPattern: /(-?\d*\.\d\w*)|([$A-Za-z_][\w$]*)/g,
  });
  monaco.languages.setMonarchTokensProvider(id, {
    defaultToken: 'text',
    tokenizer: {
      root: [
        [/\{\{/, { token: 'delimiter.expr', next: '@expr' }],
        [/[^{]+/, 'text'],
        [/\{/, 'text'],
      ],
      expr: [
        [/\}\}/, { token: 'delimiter.expr', next: '@pop' }],
        [/\$[\w$]*/, 'variable.predefined'],
        [/\b(true|false|null|undefined)\b/, 'keyword'],
        [/[A-Za-z_][\w$]*/, 'identifier'],
        [/\d+(\.\d+)?/, 'number'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/`([^`\\]|\\.)*`/, 'string'],
        [/=>|[=!]==?|[<>]=?|&&|\|\||\?\?|\?\.|[-+*/%?:!]/, 'operator'],
        [/[()[\]{},.]/, 'delimiter'],
        [/\s+/, 'white'],
      ],
    },
  });
}
