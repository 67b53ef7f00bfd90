// The page as the terminal's editor (vi, nano, kubectl edit): its own socket, attached to the same
// sandbox, that says `editor:attach` after every (re)connect and hands `editor:open`/`cancel` to
// the editor pane; Save and Close answer with `editor:save`/`editor:close` (sandbox/session/socket-editor.ts).
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type EditorOpen, type EditorResult, type ServerToClientEvents } from '../../../../sandbox/protocol';

export interface ShellEditorHandlers {
  open(file: EditorOpen): void;
  cancel(id: number): void;
}

export interface ShellEditorLink {
  save(id: number, content: string): Promise<EditorResult>;
  close(id: number): void;
  stop(): void;
}

export function connectShellEditor(labSlug: string, h: ShellEditorHandlers): ShellEditorLink {
  const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: SOCKET_PATH, transports: ['websocket'] });
  s.on('connect', () =>
    s.emit('sandbox:attach', { labSlug }, (attached) => {
      if (attached.ok) s.emit('editor:attach', () => {});
    }),
  );
  s.on('editor:open', (file) => h.open(file));
  s.on('editor:cancel', ({ id }) => h.cancel(id));
  return {
    save: (id, content) => new Promise((resolve) => s.emit('editor:save', { id, content }, resolve)),
    close: (id) => s.emit('editor:close', { id }, () => {}),
    stop: () => s.close(),
  };
}
