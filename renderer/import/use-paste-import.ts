import { useEffect } from 'react';
import type { ApiClient } from '../api/client';
import { importForeign, looksForeign } from './foreign-import';

/** Ctrl/Cmd+V of an n8n workflow or Node-RED export anywhere outside a text field imports it. */
export function usePasteImport(api: ApiClient): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.defaultPrevented || el?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el?.tagName ?? '') || el?.closest?.('[data-own-keys], .monaco-editor')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!looksForeign(text)) return;
      e.preventDefault();
      void importForeign(api, text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [api]);
}
