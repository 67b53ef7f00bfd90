'use client';
// On a lab page, for a learner in a workshop with this lab: the instructor's broadcasts, the hints
// they revealed for this lab, and whether the workshop has ended. Nothing shows outside workshops.
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { SOCKET_PATH } from '../../../../sandbox/protocol';
import { WORKSHOP_NAMESPACE, type FollowView, type WorkshopClientEvents, type WorkshopServerEvents } from '../../../../workshops/protocol';
import type { Socket } from 'socket.io-client';

export function WorkshopPanel({ labSlug }: { labSlug: string }) {
  const [workshops, setWorkshops] = useState<FollowView[]>([]);

  useEffect(() => {
    // One connection with the sandbox's socket (socket.io multiplexes namespaces); that manager
    // was made with autoConnect off, and autoConnect is the manager's, so connect explicitly.
    const socket: Socket<WorkshopServerEvents, WorkshopClientEvents> = io(WORKSHOP_NAMESPACE, { path: SOCKET_PATH, transports: ['websocket'], autoConnect: false });
    socket.on('connect', () => socket.emit('workshop:follow', { labSlug }, (r) => r.ok && setWorkshops(r.workshops)));
    socket.on('workshop:message', ({ workshopId, message }) => {
      if (message.kind === 'hint' && message.labSlug !== labSlug) return;
      setWorkshops((ws) => ws.map((w) => (w.workshopId === workshopId && !w.messages.some((m) => m.id === message.id) ? { ...w, messages: [...w.messages, message] } : w)));
    });
    socket.on('workshop:times', (t) => setWorkshops((ws) => ws.map((w) => (w.workshopId === t.workshopId ? { ...w, endsAt: t.endsAt, endedAt: t.endedAt } : w))));
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.close();
    };
  }, [labSlug]);

  if (workshops.length === 0) return null;
  return (
    <section aria-labelledby="workshop-heading" data-testid="workshop-panel" className="callout">
      <h2 id="workshop-heading" className="callout-title" style={{ fontSize: '1rem', margin: '0.2rem 0' }}>
        Workshop
      </h2>
      {workshops.map((w) => (
        <div key={w.workshopId} aria-live="polite">
          <p>
            <strong>{w.title}</strong>
            {w.endedAt || Date.parse(w.endsAt) <= Date.now() ? <span data-testid="workshop-ended"> · This workshop has ended.</span> : null}
          </p>
          <ul style={{ paddingLeft: '1.1rem', margin: '0.2rem 0' }}>
            {w.messages.map((m) => (
              <li key={m.id} data-kind={m.kind}>
                {m.kind === 'hint' ? <strong>Hint{m.stepTitle ? ` for “${m.stepTitle}”` : ''}: </strong> : <strong>Instructor: </strong>}
                {m.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
