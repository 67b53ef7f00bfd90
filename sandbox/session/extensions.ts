// Socket extensions: features that talk to the browser over their own socket events and need the
// Sandbox itself (its engine, its files). They run where the sandbox runs (a worker thread, via
// bridge.ts) on a socket-like object with `on` and `emit`; `current()` is the attached Sandbox.
// To add one (E: editor, H: cluster view, G: lab actions), add its register function here.
import type { Sandbox } from './sandbox.js';
import { registerClusterView } from './socket-cluster-view.js';
import { registerEditor } from './socket-editor.js';

/** The part of a socket.io Socket an extension may use. */
export interface ExtensionSocket {
  on(event: string, handler: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export type SocketExtension = (socket: ExtensionSocket, current: () => Sandbox | undefined) => void;

export const SOCKET_EXTENSIONS: SocketExtension[] = [registerClusterView as unknown as SocketExtension, registerEditor as unknown as SocketExtension];
