/**
 * "Import cURL" and "Copy as cURL" for the HTTP Request node. A pasted command replaces the
 * request part of the params (paging and the rest stay); secrets in it are left out and said so.
 * The copied command shows secrets and the connection's auth as placeholders.
 */
import { useState } from 'react';
import { curlParamsOf, parseCurl, toCurl, withCurl } from '../../engine/http/curl';

interface Props { params: Record<string, unknown>; onChange(params: Record<string, unknown>): void }

export function CurlActions({ params, onChange }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; isError?: boolean; notes?: string[] }>();

  const importNow = () => {
    try {
      const { params: imported, notes } = parseCurl(text);
      onChange(withCurl(params, imported));
      setOpen(false);
      setText('');
      setMessage({ text: 'Imported the curl command.', notes });
    } catch (e) {
      setMessage({ text: `Could not read the command: ${e instanceof Error ? e.message : String(e)}`, isError: true });
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toCurl(curlParamsOf(params), { header: 'Authorization', placeholder: '<from the connection>' }));
      setMessage({ text: 'Copied as curl; secrets show as placeholders.' });
    } catch (e) {
      setMessage({ text: `Could not copy: ${e instanceof Error ? e.message : String(e)}`, isError: true });
    }
  };

  return (
    <div className="insp-field" data-testid="insp-curl">
      <div className="insp-row-actions">
        <button type="button" className="ui-btn" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)} data-testid="insp-curl-import">Import cURL</button>
        <button type="button" className="ui-btn" onClick={() => void copy()} data-testid="insp-curl-copy">Copy as cURL</button>
      </div>
      {isOpen && <>
        <textarea className="insp-textarea" rows={6} aria-label="curl command" placeholder="curl https://api.example.com/v1/things -H 'Accept: application/json'"
          value={text} onChange={(e) => setText(e.target.value)} data-testid="insp-curl-text" />
        <div className="insp-row-actions">
          <button type="button" className="ui-btn is-primary" disabled={!text.trim()} onClick={importNow} data-testid="insp-curl-apply">Import</button>
          <button type="button" className="ui-btn" onClick={() => setOpen(false)}>Cancel</button>
        </div>
      </>}
      {message && (
        <div role="status" className={message.isError ? 'insp-local-problem' : 'insp-help'} data-testid="insp-curl-message">
          {message.text}
          {!!message.notes?.length && <ul>{message.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
