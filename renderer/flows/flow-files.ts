import type { ApiClient } from '../api/client';
import { saveTextFile } from '../app/desktop';
import { plural } from '../app/format';
import { navigate } from '../app/router';
import { useConnectionMappings } from '../connections/ConnectionMappingDialog';
import { useFlows } from '../state/flows-store';
import { errorText, toast } from '../state/toast-store';
import { importForeign, looksForeign } from '../import/foreign-import';

const nextUntitled = (names: Set<string>) => {
  if (!names.has('Untitled flow')) return 'Untitled flow';
  for (let i = 2; ; i++) if (!names.has(`Untitled flow ${i}`)) return `Untitled flow ${i}`;
};

/** Creates an "Untitled flow" (numbered past existing ones) and opens it. */
export async function createFlow(api: ApiClient): Promise<void> {
  try {
    const names = new Set(useFlows.getState().flows.map((f) => f.name));
    const { flow } = await api.call('flows.create', { name: nextUntitled(names) });
    navigate({ screen: 'editor', flowId: flow.id });
  } catch (e) {
    toast('error', `Could not create a flow: ${errorText(e)}`);
  }
}

/**
 * Imports flow files through the engine, which validates them; a corrupt or foreign file
 * gets the engine's sentence in a toast and nothing changes.
 */
export async function importFlowFiles(api: ApiClient, files: { name: string; text(): Promise<string> }[]): Promise<void> {
  for (const file of files) {
    if (!/\.json$/i.test(file.name)) {
      toast('error', `“${file.name}” is not a flow file; Junction imports .flow.json files and n8n or Node-RED exports (.json).`);
      continue;
    }
    try {
      const text = await file.text();
      // n8n workflows and Node-RED exports go through the importer and its report.
      if (looksForeign(text)) { await importForeign(api, text, file.name); continue; }
      const { flow, problems, missingConnections } = await api.call('flows.import', { text, fileName: file.name });
      const open = { label: 'Open', run: () => navigate({ screen: 'editor', flowId: flow.id }) };
      toast('success', `Imported “${flow.name}”${problems.length ? ` with ${plural(problems.length, 'problem')} to fix` : ''}.`, open);
      // The person maps each connection the flow refers to onto one of theirs (ConnectionMappingDialog).
      if (missingConnections.length) useConnectionMappings.getState().ask({ flowId: flow.id, flowName: flow.name, refs: missingConnections });
    } catch (e) {
      toast('error', `Could not import “${file.name}”: ${errorText(e)}`);
    }
  }
  await useFlows.getState().reload(api);
}

export async function exportFlow(api: ApiClient, id: string, includePinned: boolean): Promise<void> {
  try {
    const { text, fileName } = await api.call('flows.export', { id, includePinned });
    if (await saveTextFile(fileName, text)) toast('success', `Exported ${fileName}.`);
  } catch (e) {
    toast('error', `Export failed: ${errorText(e)}`);
  }
}

/** Deletes into the workspace trash, with Undo through flows.restore. */
export async function deleteFlow(api: ApiClient, id: string, name: string): Promise<void> {
  const flows = useFlows.getState();
  flows.hide(id, true);
  try {
    await api.call('flows.delete', { id });
    toast('info', `Deleted “${name}”.`, {
      label: 'Undo',
      run: () => void api.call('flows.restore', { id }).then(
        () => { toast('success', `Restored “${name}”.`); return useFlows.getState().reload(api); },
        (e) => toast('error', `Could not restore “${name}”: ${errorText(e)}`),
      ),
    });
    await flows.reload(api);
  } catch (e) {
    toast('error', `Could not delete “${name}”: ${errorText(e)}`);
  } finally {
    useFlows.getState().hide(id, false);
  }
}
