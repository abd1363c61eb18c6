import { placeholder, single, type Mapped, type MapInput } from './mapping';

const FORMATS: Record<string, string> = { csv: 'csv', tsv: 'csv', xlsx: 'xlsx', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', xml: 'xml' };
const formatOf = (file: string) => FORMATS[/\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? ''];

/** The fixed file name of a file node, or undefined when it comes from the message. */
function fileName(m: MapInput): string | undefined {
  const n = m.node;
  const name = typeof n.filename === 'string' ? n.filename : '';
  return name && (n.filenameType ?? 'str') === 'str' ? name : undefined;
}

/** file in → Read File on a structured file (CSV, Excel, JSON, JSON Lines, XML): one item per record. */
export function mapFileIn(m: MapInput): Mapped {
  const file = fileName(m);
  const format = file && formatOf(file);
  if (!file || !format) return placeholder(m, file ? `reads ${JSON.stringify(file)} as text, and Read File reads records from CSV, Excel, JSON, JSON Lines or XML files` : 'reads a file named by the message');
  m.report('warning', 'option', m.path, `reads ${file} as records, one item per record; Node-RED gave the file's text in msg.payload`);
  return single(m, 'file.read', { source: { from: 'path', path: file }, format });
}

/** file (file out) → Write File of the items' fields to a structured file. */
export function mapFileOut(m: MapInput): Mapped {
  const n = m.node;
  const file = fileName(m);
  const format = file && formatOf(file);
  if (n.overwriteFile === 'delete') return placeholder(m, 'deletes a file');
  if (!file || !format) return placeholder(m, file ? `writes msg.payload as text to ${JSON.stringify(file)}, and Write File writes records as CSV, Excel, JSON, JSON Lines or XML` : 'writes a file named by the message');
  m.report('warning', 'option', m.path, `writes each item's fields as one record of ${file}; Node-RED wrote msg.payload as text`);
  // Write File appends to CSV and JSON Lines only; other formats are whole documents.
  let ifExists = n.overwriteFile === 'true' ? 'overwrite' : 'append';
  if (ifExists === 'append' && format !== 'csv' && format !== 'jsonl') {
    m.report('warning', 'option', `${m.path}.overwriteFile`, `appended to ${file}; a ${format} file is one document, so Write File replaces it`);
    ifExists = 'overwrite';
  }
  return single(m, 'file.write', { format, destination: { to: 'path', path: file, ifExists } }, ['main']);
}

/**
 * postgresql (node-red-contrib-postgresql) → PostgreSQL query with the node's fixed SQL. Nodes
 * whose SQL comes from the message (node-red-node-mysql reads msg.topic) stay placeholders:
 * Junction never runs SQL text built from data.
 */
export function mapPostgres(m: MapInput): Mapped {
  const n = m.node;
  const sql = typeof n.query === 'string' ? n.query : '';
  if (!sql.trim()) return placeholder(m, 'takes its SQL from the message; Junction runs fixed SQL with values bound as parameters');
  if (sql.includes('{{')) return placeholder(m, 'builds its SQL with mustache tags; rewrite them as $1, $2 … parameters');
  const config = typeof n.postgreSQLConfig === 'string' ? m.config.get(n.postgreSQLConfig) : undefined;
  const ref = m.b.connection({ id: `node-red-${config?.id ?? m.id}`, type: 'database', name: String(config?.name || config?.database || 'PostgreSQL') });
  m.report('warning', 'credential', m.path, `needs a PostgreSQL connection (${ref.name}); none was imported`);
  if (n.split || n.outputs === 2) m.report('warning', 'option', m.path, 'splits results into messages or has a second output; Junction gives one item per row');
  m.report('info', 'option', `${m.path}.query`, 'values from msg.params are not passed: add them as parameters for $1, $2 …');
  return single(m, 'postgres.query', { operation: 'query', sql, parameters: [] }, ['main'], true, { credentials: { db: ref } });
}

export const mapMysql = (m: MapInput): Mapped => {
  const config = typeof m.node.mydb === 'string' ? m.config.get(m.node.mydb) : undefined;
  if (config) m.b.connection({ id: `node-red-${config.id}`, type: 'database', name: String(config.name || config.db || 'MySQL') });
  return placeholder(m, 'runs the SQL it finds in msg.topic; Junction runs fixed SQL (MySQL query) with values bound as parameters');
};
