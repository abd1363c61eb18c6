/**
 * The example flows of the repository's examples/ folder, bundled into the app at build time
 * so an empty workspace can start from one. A template becomes a flow through `flows.import`,
 * which validates it like any file.
 */
export interface FlowTemplate { fileName: string; name: string; description: string; text: string }

const files = import.meta.glob<string>('../../examples/*.flow.json', { query: '?raw', import: 'default', eager: true });

export const TEMPLATES: readonly FlowTemplate[] = Object.entries(files).map(([path, text]) => {
  const { name, description } = JSON.parse(text) as { name?: string; description?: string };
  return { fileName: path.slice(path.lastIndexOf('/') + 1), name: name ?? path, description: description ?? '', text };
}).sort((a, b) => a.name.localeCompare(b.name));
