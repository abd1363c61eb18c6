import { useEffect } from 'react';
import { ConnectionsScreen } from '../connections/ConnectionsScreen';
import { EditorScreen } from '../editor/EditorScreen';
import { FlowsScreen } from '../flows/FlowsScreen';
import { RunsScreen } from '../runs/RunsScreen';
import { RunView } from '../runs/RunView';
import { useCatalog } from '../state/catalog-store';
import { useApi } from './api-context';
import { ConnectionBanner } from './ConnectionBanner';
import { FileDrop } from './FileDrop';
import { ImportReportDialog } from '../import/ImportReportDialog';
import { usePasteImport } from '../import/use-paste-import';
import { Rail } from './Rail';
import { useRoute } from './router';
import { SettingsScreen } from './SettingsScreen';
import { Toasts } from './Toasts';
import { useDesktopCommands } from './use-desktop-commands';

/** The shell: rail, the current screen, and app-wide banners, toasts and file drop. */
export function App() {
  const api = useApi();
  const route = useRoute();
  const loadCatalog = useCatalog((s) => s.load);
  useDesktopCommands(api);
  usePasteImport(api);
  // The catalog loads once; after a failure (engine not up yet) the next (re)connect retries.
  useEffect(() => {
    void loadCatalog(api);
    return api.onStatus((s) => { if (s === 'open') void loadCatalog(api); });
  }, [api, loadCatalog]);

  return (
    <div className="app">
      <Rail route={route} />
      <main className="app-main">
        <ConnectionBanner />
        {route.screen === 'flows' && <FlowsScreen />}
        {route.screen === 'editor' && <EditorScreen key={route.flowId} flowId={route.flowId} />}
        {route.screen === 'runs' && <RunsScreen />}
        {route.screen === 'run' && <RunView key={route.runId} runId={route.runId} />}
        {route.screen === 'connections' && <ConnectionsScreen />}
        {route.screen === 'settings' && <SettingsScreen />}
      </main>
      <Toasts />
      <FileDrop />
      <ImportReportDialog />
    </div>
  );
}
