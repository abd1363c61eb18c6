import { describe, expect, it } from 'vitest';
import { importFile, runFrom } from './run-imported';

// Expected outputs follow Node-RED's documentation of each node (nodered.org/docs, the nodes'
// built-in help): function return values, switch "checking all rules", template, split, join, csv, change.

const only = (file: string) => {
  const flows = importFile(file);
  expect(flows).toHaveLength(1);
  // Only runnable when every node mapped to a Junction node of this branch.
  expect(flows[0].nodes.filter((n) => n.outcome === 'placeholder')).toEqual([]);
  return flows[0].flow;
};

describe('imported Node-RED flows run with Node-RED\'s results', () => {
  it('function returning [[msg1, msg2, msg3], msg4]: three messages on output 1, one on output 2', async () => {
    const flow = only('node-red__node-red__function-function-02-Send-multiple-messages.json');
    const r = await runFrom(flow, 'c2b3b0f1.62189');
    expect(r.status).toBe('success');
    expect(r.json('7241db1e.8946c4-out1')).toEqual([{ payload: 'first out of output 1' }, { payload: 'second out of output 1' }, { payload: 'third out of output 1' }]);
    expect(r.json('7241db1e.8946c4-out2')).toEqual([{ payload: 'only message from output 2' }]);
  });

  it('function with setup code and global context: the counter starts at 0 and counts the message', async () => {
    const flow = only('node-red__node-red__function-function-09-Setup-and-close.json');
    const r = await runFrom(flow, 'e397736b.a96af');
    expect(r.status).toBe('success');
    expect(r.json('900ad01c.561f').map((j) => j.payload)).toEqual([1]);
  });

  it('switch checking all rules sends a message to every output whose rule holds', async () => {
    const flow = only('node-red__node-red__function-switch-02-Check-all-rules.json');
    const lt10 = '624b4e9f.37fee';
    const gtMinus10 = 'a89d6432.b68318';
    const cases: [string, number, boolean, boolean][] = [['c7e952e9.88e5e', -10, true, false], ['8cf8babd.b43db8', 10, false, true], ['6a43ae86.b92ed', 0, true, true]];
    for (const [inject, value, first, second] of cases) {
      const r = await runFrom(flow, inject);
      expect(r.status).toBe('success');
      expect(r.json('c7e952e9.88e5e-fields').map((j) => j.payload)).toEqual(inject === 'c7e952e9.88e5e' ? [value] : []);
      expect(r.json(lt10)).toEqual(first ? [{ payload: '<10', topic: '' }] : []);
      expect(r.json(gtMinus10)).toEqual(second ? [{ payload: '>-10', topic: '' }] : []);
    }
  });

  it('template with mustache tags and "parsed JSON" output', async () => {
    const flow = only('node-red__node-red__function-template-02-Parse-result-as-JSON.json');
    const r = await runFrom(flow, '931f94e8.592cd8');
    expect(r.json('bb2b0dad.b24b5')).toEqual([{ topic: 'message', payload: { key: 'message', value: 'Hello, World!' } }]);
  });

  it('split: text by newline, text by length, a list, an object with its keys in msg.topic', async () => {
    const flow = only('node-red__node-red__sequence-split-01-Split-message-payload.json');
    const payloads = async (inject: string, split: string) => (await runFrom(flow, inject)).json(split);
    const lines = await payloads('2afece55.b87de2', '657bb57c.a3f98c');
    expect(lines.map((j) => j.payload)).toEqual(['Apple', 'Orange', 'Banana']);
    expect(lines.map((j) => (j.parts as { index: number; count: number }).index)).toEqual([0, 1, 2]);
    expect((await payloads('7c0948db.e35d38', 'bdfa12b9.3fbbc')).map((j) => j.payload)).toEqual(['Appl', 'e\nOr', 'ange', '\nBan', 'ana']);
    expect((await payloads('1cdc2df9.bebdd2', '71d7c0e0.c0316')).map((j) => j.payload)).toEqual(['Apple', 'Orange', 'Banana']);
    const keyed = await payloads('6d52ce8a.0c715', 'c0d43ff4.291d8');
    expect(keyed.map((j) => [j.topic, j.payload])).toEqual([['Apple', 80], ['Orange', 100], ['Banana', 50]]);
  });

  it('join in manual mode: strings of two, msg.complete, lists, objects keyed by topic, merged objects', async () => {
    const flows = importFile('node-red__node-red__sequence-join-02-Manual-join-mode.json');
    const flow = flows[0].flow;
    const joined = async (inject: string, join: string) => (await runFrom(flow, inject)).json(join).map((j) => j.payload);
    expect(await joined('7f104f68.aecff', 'a4f5546e.28b268')).toEqual(['Apple,Orange', 'Banana,Kiwi']);
    expect(await joined('53363c0f.836454', 'e5d7310a.8ba39')).toEqual(['Apple,Orange,Banana', 'Kiwi']);
    expect(await joined('ead0afb6.a4763', '88c0baeb.0f4c88')).toEqual([['Apple', 'Orange'], ['Banana', 'Kiwi']]);
    // csv (header row) → change (topic = name, payload = price) → join as object keyed by topic.
    expect(await joined('be206cc6.f8141', '681800f4.06545')).toEqual([{ Apple: 100, Orange: 20 }, { Banana: 80, Kiwi: 120 }]);
    expect(await joined('3f482b62.8ec0f4', '82b9afbd.380bd')).toEqual([{ name: 'Apple', price: 100 }, { name: 'Orange', price: 20 }, { name: 'Banana', price: 80 }, { name: 'Kiwi', price: 120 }]);
  });

  it('catch: the error of the function in its scope reaches the catch node\'s debug with the message and msg.error.message', async () => {
    const flow = only('node-red__node-red__common-catch-01-Catch-error.json');
    const r = await runFrom(flow, 'd1073c30.cb321');
    expect(r.status).toBe('success');
    const [caught, ...more] = r.json('f96f0ba7.cfe008');
    expect(more).toEqual([]);
    expect(caught.payload).toBe('Hello, World!');
    expect((caught.error as { message: string }).message).toContain('Error Occured!');
  });
});
