/**
 * Monaco with only what Junction uses: the editor and its standard contributions, JavaScript
 * (Code node) and JSON (json fields). The package's main entry would also bundle the CSS and
 * HTML language services and their workers (about 2 MB) that nothing here needs.
 * Loaded only through `loadMonaco()` in monaco.ts, as its own chunk.
 */
import type * as MonacoNs from 'monaco-editor';
import * as api from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/referenceSearch/standaloneReferenceSearch.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js';
import * as json from 'monaco-editor/esm/vs/language/json/monaco.contribution.js';
import * as typescript from 'monaco-editor/esm/vs/language/typescript/monaco.contribution.js';

// The contribution modules ship no typings of their own; the package's main typings describe them.
export const monaco = { ...api, json, typescript } as unknown as typeof MonacoNs;
