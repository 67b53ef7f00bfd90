// A revoked session must not keep a terminal open: the learner's sockets in this process are
// closed; each browser reconnects on its own, and only those whose session is still valid get back in.
export interface SocketsOfServer {
  sockets: { sockets: Map<string, { data: { userId?: string }; disconnect(close?: boolean): unknown }> };
}

export function disconnectLearner(io: SocketsOfServer | undefined, userId: string): number {
  let closed = 0;
  for (const socket of io?.sockets.sockets.values() ?? []) {
    if (socket.data.userId !== userId) continue;
    socket.disconnect(true);
    closed++;
  }
  return closed;
}
