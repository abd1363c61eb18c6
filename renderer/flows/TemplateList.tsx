import type { ApiClient } from '../api/client';
import { navigate } from '../app/router';
import { useFlows } from '../state/flows-store';
import { errorText, toast } from '../state/toast-store';
import { TEMPLATES, type FlowTemplate } from './templates';

async function startFromTemplate(api: ApiClient, t: FlowTemplate): Promise<void> {
  try {
    const { flow } = await api.call('flows.import', { text: t.text, fileName: t.fileName });
    await useFlows.getState().reload(api);
    navigate({ screen: 'editor', flowId: flow.id });
  } catch (e) {
    toast('error', `Could not start from “${t.name}”: ${errorText(e)}`);
  }
}

/** The example flows, offered as starting points while the workspace has none of its own. */
export function TemplateList({ api }: { api: ApiClient }) {
  if (!TEMPLATES.length) return null;
  return (
    <section className="templates" aria-labelledby="templates-title" data-testid="templates">
      <h2 id="templates-title">Or start from an example</h2>
      <ul className="template-grid">
        {TEMPLATES.map((t) => (
          <li key={t.fileName}>
            <button type="button" className="template" data-testid={`template-${t.fileName}`} onClick={() => void startFromTemplate(api, t)}>
              <span className="template-name">{t.name}</span>
              <span className="template-desc">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
