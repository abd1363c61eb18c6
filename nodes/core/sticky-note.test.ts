import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import stickyNote from './sticky-note';

describe('core.stickyNote', () => {
  it('lives in the editor only, with no ports', () => {
    expect(stickyNote.isEditorOnly).toBe(true);
    expect(stickyNote.inputs).toEqual([]);
    expect(stickyNote.outputsFor({})).toEqual([]);
  });

  it('fills defaults and checks the colour', () => {
    expect(stickyNote.validate({}).value).toEqual({ text: '', color: 'yellow' });
    expect(stickyNote.validate({ color: 'orange' }).problems[0].path).toBe('params.color');
  });

  it('fails as an engine bug if it is ever run', async () => {
    await expect(runNode(stickyNote, {})).rejects.toMatchObject({ code: 'engine.bug' });
  });
});
