'use client';
// A participant's terminal, read-only: the screen they see now, then their output as it comes.
// xterm takes no input here (disableStdin), and the namespace has no input event to send anyway.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { WorkshopSocket } from './workshop-socket';
import styles from '../workshops.module.css';

interface Props {
  socket: WorkshopSocket;
  workshopId: string;
  userId: string;
  labSlug: string;
  name: string;
  onClose(): void;
}

export function Observer({ socket, workshopId, userId, labSlug, name, onClose }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('Connecting…');

  useEffect(() => {
    const t = new Terminal({ disableStdin: true, cursorBlink: false, fontSize: 13, scrollback: 2000 });
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(host.current!);
    fit.fit();
    const observe = () =>
      socket.emit('workshop:observe', { workshopId, userId, labSlug }, (r) => {
        if (!r.ok) return setStatus(r.message);
        t.reset();
        t.write(r.screen);
        setStatus('Live, read-only');
      });
    const onOutput = (m: { userId: string; labSlug: string; data: string }) => {
      if (m.userId === userId && m.labSlug === labSlug) t.write(m.data);
    };
    socket.on('observe:output', onOutput);
    socket.on('connect', observe);
    if (socket.connected) observe();
    return () => {
      socket.off('observe:output', onOutput);
      socket.off('connect', observe);
      socket.emit('workshop:unobserve');
      t.dispose();
    };
  }, [socket, workshopId, userId, labSlug]);

  return (
    <section className={styles.observer} aria-label={`${name}'s terminal (read-only)`} data-testid="observer">
      <header>
        <strong>
          {name} · {labSlug}
        </strong>
        <span role="status">{status}</span>
        <button type="button" className="button secondary small" onClick={onClose}>
          Close
        </button>
      </header>
      <div ref={host} className={styles.observerHost} data-testid="observer-terminal" />
    </section>
  );
}
