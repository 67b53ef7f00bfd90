// The learner's sandbox as a cluster-view source: its own socket (so the terminal's connection
// stays as it is), attached to the same sandbox, subscribed again after every reconnect.
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '../../../../../sandbox/protocol';
import type { ObjectDetail, ObjectLink } from '../../../../../sandbox/cluster-view/wire';
import type { ViewSource } from '../../../../components/cluster-view/source';

export function sandboxViewSource(labSlug: string): ViewSource {
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  return {
    start(h) {
      const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: SOCKET_PATH, transports: ['websocket'] });
      socket = s;
      s.on('connect', () =>
        s.emit('sandbox:attach', { labSlug }, (attached) => {
          if (!attached.ok) return h.error(attached.message);
          s.emit('cluster-view:subscribe', (res) => (res.ok ? h.snapshot(res) : h.error(res.message)));
        }),
      );
      s.on('connect_error', (e) => h.error(`Cannot reach your sandbox: ${e.message}`));
      s.on('cluster-view:update', (u) => h.update(u));
      return () => {
        s.close();
        socket = undefined;
      };
    },
    inspect(link: ObjectLink) {
      return new Promise<ObjectDetail | { error: string }>((resolve) => {
        if (!socket) return resolve({ error: 'Not connected.' });
        socket.emit('cluster-view:inspect', link, (res) => resolve(res.ok ? res.detail : { error: res.message }));
      });
    },
  };
}
