import { useEffect } from 'react';
import type { ApiClient } from '../api/client';
import { createFlow, exportFlow, importFlowFiles } from '../flows/flow-files';
import { navigate, parseRoute } from './router';

/** The window event the editor listens to for menu commands that act on the open flow. */
export const EDITOR_COMMAND = 'junction:editor-command';

/**
 * Menu commands of the desktop app. Its accelerators (Ctrl+S, Ctrl+O…) reach the menu, not
 * the page, so each arrives here as a command; in a browser there is no menu and nothing to do.
 */
export function useDesktopCommands(api: ApiClient) {
  useEffect(() => {
    const desktop = window.junctionDesktop;
    if (!desktop) return;
    return desktop.onCommand((command) => {
      const route = parseRoute(location.hash);
      if (command === 'flow.new') void createFlow(api);
      else if (command === 'flow.open') navigate({ screen: 'flows' });
      else if (command === 'flow.import') {
        void desktop.openFile().then((file) => file && importFlowFiles(api, [{ name: file.fileName, text: async () => file.text }]));
      } else if (command === 'flow.export' && route.screen === 'editor') void exportFlow(api, route.flowId, false);
      else window.dispatchEvent(new CustomEvent(EDITOR_COMMAND, { detail: command }));
    });
  }, [api]);
}
