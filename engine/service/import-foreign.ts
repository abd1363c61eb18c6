/**
 * `flows.importForeign`: an n8n workflow or Node-RED export becomes flows in the workspace.
 * The importer gives Junction flows and the report; each flow then goes through `flows.import`,
 * so it is saved the way every imported flow is (a new id on a clash, a unique name, untrusted).
 */
import type { Handlers } from '../api';
import { serializeFlow } from '../flow';
import { importFile } from '../import';

export interface ImportForeignDeps {
  importFlow: Handlers['flows.import'];
  /** Whether a connection with this id is set up here. */
  exists(id: string): boolean;
}

export function importForeignHandler(deps: ImportForeignDeps): Pick<Handlers, 'flows.importForeign'> {
  return {
    async 'flows.importForeign'({ text, fileName, from }) {
      const result = importFile(text, { from, fileName });
      const flows = [];
      for (const imported of result.flows) {
        const saved = await deps.importFlow({ text: serializeFlow(imported.flow), fileName });
        flows.push({
          flow: saved.flow, problems: saved.problems, nodes: imported.nodes, notes: imported.notes,
          connections: imported.connections.map((c) => ({ ...c, exists: deps.exists(c.id) })),
        });
      }
      return { source: result.source, flows, notes: result.notes };
    },
  };
}
