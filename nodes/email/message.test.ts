import { describe, expect, it } from 'vitest';
import { decodeText, fileNameOf, partOf, planParts, referencesOf } from './message';

describe('email message parts', () => {
  it('finds the text and HTML bodies and lists everything else as attachments', () => {
    const plan = planParts({
      type: 'multipart/mixed', childNodes: [
        { part: '1', type: 'multipart/related', childNodes: [
          { part: '1.1', type: 'multipart/alternative', childNodes: [{ part: '1.1.1', type: 'text/plain' }, { part: '1.1.2', type: 'TEXT/HTML' }] },
          { part: '1.2', type: 'image/png', disposition: 'inline', id: '<logo>' },
        ] },
        { part: '2', type: 'text/plain', disposition: 'attachment', dispositionParameters: { filename: 'notes.txt' } },
        { part: '3', type: 'message/rfc822' },
      ],
    });
    expect(plan.text?.part).toBe('1.1.1');
    expect(plan.html?.part).toBe('1.1.2');
    expect(plan.attachments.map((n) => n.part)).toEqual(['1.2', '2', '3']);
    expect(plan.attachments.map((n, i) => fileNameOf(n, i))).toEqual(['attachment-1', 'notes.txt', 'message-3.eml']);
  });

  it('calls the body of a single-part message part 1', () => {
    const plan = planParts({ type: 'text/plain' });
    expect(plan.text && partOf(plan.text)).toBe('1');
    expect(plan.attachments).toEqual([]);
  });

  it('reads References folded over lines, and text in its charset', () => {
    expect(referencesOf(Buffer.from('References: <a@x.test>\r\n\t<b@x.test> <c@x.test>\r\n\r\n'))).toEqual(['<a@x.test>', '<b@x.test>', '<c@x.test>']);
    expect(referencesOf(undefined)).toEqual([]);
    expect(decodeText(Buffer.from([0x4b, 0xf6, 0x6c, 0x6e]), 'iso-8859-1')).toBe('Köln');
    expect(decodeText(Buffer.from('Köln'), 'no-such-charset')).toBe('Köln');
    expect(decodeText(null, 'utf-8')).toBe('');
  });
});
