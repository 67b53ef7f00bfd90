// The browser's end of the /workshop namespace (workshops/protocol.ts), for the dashboard.
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '../../../../sandbox/protocol';
import { WORKSHOP_NAMESPACE, type WorkshopClientEvents, type WorkshopServerEvents } from '../../../../workshops/protocol';

export type WorkshopSocket = Socket<WorkshopServerEvents, WorkshopClientEvents>;

/** Not connected yet: the component's effect connects it (and may again, after a cleanup). */
export function workshopSocket(): WorkshopSocket {
  return io(WORKSHOP_NAMESPACE, { path: SOCKET_PATH, transports: ['websocket'], autoConnect: false });
}
