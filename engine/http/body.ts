/** Request bodies encoded for the wire, and response bodies read within a size cap. */
import { FormData } from 'undici';
import type { HttpBody } from './types';

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'base64') : data);

export interface Encoded { body?: string | Uint8Array | FormData; contentType?: string; size: number; preview?: string }

export function encodeBody(b: HttpBody | undefined): Encoded {
  if (!b) return { size: 0 };
  switch (b.type) {
    case 'json': { const text = JSON.stringify(b.value ?? null); return { body: text, contentType: 'application/json', size: Buffer.byteLength(text), preview: text }; }
    case 'form': { const text = new URLSearchParams(b.fields).toString(); return { body: text, contentType: 'application/x-www-form-urlencoded', size: Buffer.byteLength(text), preview: text }; }
    case 'raw': return { body: b.text, contentType: b.contentType ?? 'text/plain', size: Buffer.byteLength(b.text), preview: b.text };
    case 'binary': { const bytes = bytesOf(b.data); return { body: bytes, contentType: b.contentType ?? 'application/octet-stream', size: bytes.byteLength, preview: `<${bytes.byteLength} bytes>` }; }
    case 'multipart': {
      const form = new FormData();
      let size = 0;
      const lines: string[] = [];
      for (const part of b.parts) {
        if (part.data !== undefined) {
          const bytes = bytesOf(part.data);
          size += bytes.byteLength;
          form.append(part.name, new Blob([new Uint8Array(bytes)], { type: part.contentType ?? 'application/octet-stream' }), part.fileName ?? part.name);
          lines.push(`${part.name}=<file ${part.fileName ?? part.name}, ${bytes.byteLength} bytes>`);
        } else {
          size += Buffer.byteLength(part.value ?? '');
          form.append(part.name, part.value ?? '');
          lines.push(`${part.name}=${part.value ?? ''}`);
        }
      }
      // undici sets the multipart boundary itself.
      return { body: form, size, preview: lines.join('\n') };
    }
  }
}

/** Reads a response body, failing once it passes `maxBytes` (the rest is not downloaded). */
export async function readCapped(body: AsyncIterable<Uint8Array> & { destroy?(e?: Error): void }, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) { body.destroy?.(); throw tooLarge(); }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const isJsonType = (ct: string) => /\bjson\b|\+json/i.test(ct);
const isTextType = (ct: string) => /^text\/|xml|javascript|x-www-form-urlencoded|graphql/i.test(ct);

/** Decodes by the caller's choice, or by Content-Type: JSON parsed, text as text, the rest as bytes. */
export function decodeBody(bytes: Buffer, contentType: string, as: 'auto' | 'json' | 'text' | 'binary'): { value: unknown; text?: string } {
  if (as === 'binary' || (as === 'auto' && contentType && !isJsonType(contentType) && !isTextType(contentType))) return { value: bytes };
  const text = bytes.toString('utf8');
  if (as === 'text' || (as === 'auto' && !isJsonType(contentType) && !(contentType === '' && /^\s*[[{]/.test(text)))) return { value: text, text };
  if (text.trim() === '') return { value: null, text };
  try { return { value: JSON.parse(text), text }; } catch {
    if (as === 'json') throw new Error('the response is not valid JSON');
    return { value: text, text };
  }
}
