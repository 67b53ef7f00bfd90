'use client';
// A lesson's demonstration: a small scripted cluster the server plays for this reader
// (sandbox/cluster-view/demo-server.ts) and the same cluster view the labs have. The page loads
// this code, and the server starts a cluster, only when the reader presses Play.
import { useEffect, useMemo, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '../../../sandbox/protocol';
import { DEMO_NAMESPACE, type DemoClientEvents, type DemoInfo, type DemoServerEvents } from '../../../sandbox/cluster-view/wire';
import { ClusterView } from './cluster-view';
import type { ViewSource } from './source';

type DemoSocket = Socket<DemoServerEvents, DemoClientEvents>;

interface Progress {
  demo?: DemoInfo;
  act: number;
  done: boolean;
}

function demoSource(scenario: string, onProgress: (p: Partial<Progress>) => void): ViewSource {
  let socket: DemoSocket | undefined;
  return {
    start(h) {
      const s: DemoSocket = io(DEMO_NAMESPACE, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false });
      socket = s;
      s.on('connect', () =>
        s.emit('demo:start', { scenario }, (res) => {
          if (!res.ok) return h.error(res.message);
          onProgress({ demo: res.demo, act: 0 });
          h.snapshot(res);
        }),
      );
      s.on('connect_error', (e) => h.error(`Cannot start the demonstration: ${e.message}`));
      s.on('cluster-view:update', (u) => h.update(u));
      s.on('demo:act', (a) => onProgress({ act: a.act, done: a.done }));
      return () => s.close();
    },
    inspect: (link) =>
      new Promise((resolve) => {
        if (!socket) return resolve({ error: 'Not connected.' });
        socket.emit('cluster-view:inspect', link, (res) => resolve(res.ok ? res.detail : { error: res.message }));
      }),
  };
}

export function ScenarioDemo({ scenario }: { scenario: string }) {
  const [progress, setProgress] = useState<Progress>({ act: -1, done: false });
  const source = useMemo(() => demoSource(scenario, (p) => setProgress((old) => ({ ...old, ...p }))), [scenario]);
  useEffect(() => () => setProgress({ act: -1, done: false }), [source]);
  const { demo, act, done } = progress;
  const current = demo?.acts[Math.max(0, Math.min(act, demo.acts.length - 1))];
  return (
    <div className="cv-demo-run" data-testid="scenario" data-state={done ? 'done' : demo ? 'playing' : 'starting'} data-act={act}>
      <p aria-live="polite" className="cv-demo-narration" style={{ margin: '0.5rem 0' }}>
        {done && demo ? (
          <strong data-testid="scenario-done">{demo.conclusion}</strong>
        ) : current ? (
          <>
            <code>$ {current.command}</code> — {current.narration}
          </>
        ) : (
          'Starting a small cluster…'
        )}
      </p>
      <div style={{ height: 520 }}>
        <ClusterView source={source} title={demo?.title ?? 'Demonstration cluster'} />
      </div>
    </div>
  );
}
