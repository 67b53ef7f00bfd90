import { describe, expect, it } from 'vitest';
import { LineEditor, type EditorEvent } from './line-editor.js';

function editor(history: string[] = []) {
  let screen = '';
  const ed = new LineEditor(() => history, (s) => (screen += s));
  ed.start('$ ');
  const feed = (data: string): EditorEvent[] => ed.feed(data);
  return { ed, feed, screen: () => screen };
}

describe('line editor', () => {
  it('edits with cursor keys and readline shortcuts', () => {
    const { ed, feed } = editor();
    feed('kubectl get po');
    feed('\x01'); // Ctrl-A
    feed('sudo ');
    expect(ed.line).toBe('sudo kubectl get po');
    feed('\x05\x17'); // Ctrl-E, Ctrl-W deletes "po"
    expect(ed.line).toBe('sudo kubectl get ');
    feed('\x01\x1bf\x0b'); // Ctrl-A, Alt-F, Ctrl-K
    expect(ed.line).toBe('sudo');
    feed('\x15'); // Ctrl-U
    expect(ed.line).toBe('');
  });

  it('submits on Enter and keeps the rest of a paste for the next line', () => {
    const { ed, feed } = editor();
    expect(feed('echo a\recho b')).toEqual([{ type: 'submit', line: 'echo a' }]);
    expect(ed.takePending()).toBe('echo b');
  });

  it('walks history with the arrow keys and restores the line being typed', () => {
    const { ed, feed } = editor(['first', 'second']);
    feed('draft');
    feed('\x1b[A');
    expect(ed.line).toBe('second');
    feed('\x1b[A');
    expect(ed.line).toBe('first');
    feed('\x1b[B\x1b[B');
    expect(ed.line).toBe('draft');
  });

  it('finds earlier commands with Ctrl-R', () => {
    const { ed, feed } = editor(['kubectl get pods', 'echo hi', 'kubectl apply -f web.yaml']);
    feed('\x12get');
    expect(feed('\r')).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    void ed;
  });

  it('reports Ctrl-C, Tab and Ctrl-L to the terminal', () => {
    const { feed } = editor();
    feed('abc');
    expect(feed('\t')).toEqual([{ type: 'complete', line: 'abc', cursor: 3 }]);
    expect(feed('\x0c')).toEqual([{ type: 'clear' }]);
    expect(feed('\x03')).toEqual([{ type: 'interrupt' }]);
  });
});
