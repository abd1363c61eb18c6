/** The fields of the items with types, how often they occur and an example; each copies as an expression. */
import { useMemo, useState } from 'react';
import { FIELD_SAMPLE_ITEMS, inferFields } from '../../engine/flow/field-paths';
import type { ItemPages } from './use-item-pages';

export function SchemaView({ pages }: { pages: ItemPages }) {
  // From the first page only: the schema should not shift while someone scrolls.
  const schema = useMemo(() => inferFields(pages.head(FIELD_SAMPLE_ITEMS)), [pages.firstPage]);
  const [copied, setCopied] = useState<string>();
  const copy = (path: string) => {
    const expr = `{{ $json${path.startsWith('[') ? '' : '.'}${path} }}`;
    void navigator.clipboard?.writeText(expr).then(() => setCopied(path), () => undefined);
  };
  if (!schema.fields.length) return <div className="dp-empty">The items have no fields.</div>;
  return (
    <div className="dp-schema-wrap">
      <div className="dp-note">
        From the first {schema.sampled.toLocaleString('en-US')} of {pages.total.toLocaleString('en-US')} items. Select a field to copy it as an expression.
      </div>
      <ul className="dp-schema" aria-label="Fields of the items" data-testid="dp-schema">
        {schema.fields.map((f) => (
          <li key={f.path} style={{ paddingLeft: 8 + f.depth * 16 }}>
            <button type="button" className="dp-schema-key" onClick={() => copy(f.path)}
              aria-label={`${f.path}: copy {{ $json.${f.path} }}`} title={`Copy {{ $json.${f.path} }}`}>{f.key}</button>
            {f.types.map((t) => <span key={t} className={`dp-type is-${t}`}>{t}</span>)}
            {f.present < schema.sampled && <span className="dp-presence">in {f.present} of {schema.sampled}</span>}
            {f.example !== undefined && <span className="dp-example" title={f.example}>{f.example}</span>}
            {copied === f.path && <span className="dp-copied" role="status">Copied</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
