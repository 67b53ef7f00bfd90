// The page's half of the shell's full-screen editors (vi, vim, nano, kubectl edit): a socket
// extension (extensions.ts) that, once the page says `editor:attach`, becomes the attached
// terminal's editor host. `vi file` then sends `editor:open`, and the command waits until the
// page sends `editor:close` (each `editor:save` writes the file through the shell's filesystem);
// Ctrl-C in the terminal sends `editor:cancel`. The latest page to attach shows the files.
import { EditorClose, EditorSave, type EditorOpen, type EditorResult } from '../protocol.js';
import type { EditorHost } from '../shell/page-editor.js';
import type { Interrupt } from '../shell/io.js';

interface EditorSocket {
  on(event: string, handler: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

interface Editing {
  id: number;
  save(content: string): void;
  close(): void;
}

type Ack = (r: EditorResult) => void;
const notAttached: EditorResult = { ok: false, code: 'not-attached', message: 'Not attached to a sandbox yet; reload the page.' };
const noShell: EditorResult = { ok: false, code: 'unavailable', message: 'This sandbox has no terminal to edit files for.' };
const stale: EditorResult = { ok: false, code: 'not-found', message: 'That file is no longer open in the terminal.' };

/** The terminal inside a Sandbox (kept private there; read where it is kept). */
function terminalOf(sandbox: object): { setEditorHost(host: EditorHost | undefined): void } | undefined {
  const terminal = (sandbox as { terminal?: { setEditorHost?: unknown } }).terminal;
  return terminal && typeof terminal.setEditorHost === 'function' ? (terminal as { setEditorHost(host: EditorHost | undefined): void }) : undefined;
}

let nextId = 1;

/** Registers the editor events on a lab socket; `current` gives its attached sandbox. */
export function registerEditor(socket: EditorSocket, current: () => object | undefined): void {
  let editing: Editing | undefined;
  let terminal: ReturnType<typeof terminalOf>;
  const host: EditorHost = {
    open(file, save, interrupt: Interrupt) {
      return new Promise<void>((resolve) => {
        editing?.close(); // one file at a time, as one terminal runs one editor
        const id = nextId++;
        const off = interrupt.onRaise(() => {
          socket.emit('editor:cancel', { id });
          finish();
        });
        function finish() {
          off();
          if (editing?.id === id) editing = undefined;
          resolve();
        }
        editing = { id, save, close: finish };
        const msg: EditorOpen = { id, path: file.path, content: file.content, host: file.host ?? 'controlplane' };
        socket.emit('editor:open', msg);
      });
    },
  };

  socket.on('editor:attach', (ack: Ack) => {
    const sandbox = current();
    if (!sandbox) return typeof ack === 'function' && ack(notAttached);
    terminal = terminalOf(sandbox);
    terminal?.setEditorHost(host);
    if (typeof ack === 'function') ack(terminal ? { ok: true } : noShell);
  });
  socket.on('editor:save', (raw: unknown, ack: Ack) => {
    if (typeof ack !== 'function') return;
    const msg = EditorSave.safeParse(raw);
    if (!msg.success) return ack({ ok: false, code: 'bad-request', message: 'bad editor save' });
    if (editing?.id !== msg.data.id) return ack(stale);
    try {
      editing.save(msg.data.content);
      ack({ ok: true });
    } catch (e) {
      ack({ ok: false, code: 'too-large', message: (e as Error).message });
    }
  });
  socket.on('editor:close', (raw: unknown, ack: Ack) => {
    const msg = EditorClose.safeParse(raw);
    if (msg.success && editing?.id === msg.data.id) editing.close();
    if (typeof ack === 'function') ack(msg.success ? { ok: true } : { ok: false, code: 'bad-request', message: 'bad editor close' });
  });
  socket.on('disconnect', () => {
    // The page went away: the terminal's editor stays open until Ctrl-C, but no longer here.
    terminal?.setEditorHost(undefined);
    editing?.close();
  });
}
