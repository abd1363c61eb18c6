import type { JunctionDesktop } from '../../electron/desktop-api';

declare global {
  interface Window { junctionDesktop?: JunctionDesktop }
}

/** Saves text as a file: the native dialog in the desktop app, a download in a browser. */
export async function saveTextFile(suggestedName: string, text: string): Promise<boolean> {
  if (window.junctionDesktop) return window.junctionDesktop.saveFile(suggestedName, text);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}

/** Opens the file picker for flow files; resolves the chosen files (none when cancelled). */
export function pickFiles(accept = '.json,application/json'): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.onchange = () => resolve([...(input.files ?? [])]);
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}
