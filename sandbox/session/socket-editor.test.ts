// The editor extension end to end with a real terminal: the page attaches, `vi` in the terminal
// opens the file on the page, saves write it, close lets the terminal go on; Ctrl-C cancels.
import { describe, expect, it } from 'vitest';
import { screenSandbox } from '../shell/testing.js';
import { registerEditor } from './socket-editor.js';

/** The browser's side of one lab socket: what the server emitted, and events to send it. */
function pageSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const received: Array<[string, unknown]> = [];
  return {
    received,
    on: (event: string, h: (...args: never[]) => void) => handlers.set(event, h as (...args: unknown[]) => void),
    emit: (event: string, msg: unknown) => received.push([event, msg]),
    send: (event: string, ...args: unknown[]) =>
      new Promise((resolve) => {
        handlers.get(event)!(...args, resolve);
      }),
  };
}
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('socket editor extension', () => {
  it('opens, saves and closes a file for vi; a node file after ssh; Ctrl-C cancels', async () => {
    const s = screenSandbox();
    const page = pageSocket();
    registerEditor(page, () => ({ terminal: s.terminal }));
    expect(await page.send('editor:attach')).toEqual({ ok: true });

    const vi = s.start('vi web.yaml && echo closed');
    await tick();
    const [event, open] = page.received.at(-1) as [string, { id: number; path: string; content: string; host: string }];
    expect(event).toBe('editor:open');
    expect(open).toMatchObject({ path: '/root/web.yaml', content: '', host: 'controlplane' });
    expect(s.terminal.busy).toBe(true); // the terminal waits for the editor
    expect(await page.send('editor:save', { id: open.id, content: 'kind: Pod\n' })).toEqual({ ok: true });
    expect(s.fs.readFile('/root/web.yaml')).toBe('kind: Pod\n');
    expect(await page.send('editor:save', { id: open.id + 99, content: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await page.send('editor:save', { id: 'nope' })).toMatchObject({ ok: false, code: 'bad-request' });
    await page.send('editor:close', { id: open.id });
    expect(await vi).toBe(0);
    expect(s.screen()).toContain('vi web.yaml && echo closed\nclosed\n');

    await s.type('ssh controlplane');
    const nano = s.start('nano /etc/kubernetes/manifests/kube-scheduler.yaml');
    await tick();
    const node = page.received.at(-1)![1] as { id: number; path: string; content: string; host: string };
    expect(node.path).toBe('/etc/kubernetes/manifests/kube-scheduler.yaml');
    expect(node.content).toContain('kube-scheduler');
    s.keys('\x03');
    expect(await nano).toBe(130);
    expect(page.received.at(-1)).toEqual(['editor:cancel', { id: node.id }]);
  });

  it('refuses before the page is attached to a sandbox', async () => {
    const page = pageSocket();
    registerEditor(page, () => undefined);
    expect(await page.send('editor:attach')).toMatchObject({ ok: false, code: 'not-attached' });
  });
});
