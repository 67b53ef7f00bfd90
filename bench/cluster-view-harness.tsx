// The page bench/cluster-view.bench.ts measures: the real ClusterView, fed a recorded snapshot
// and updates (window.__CV_DATA__) at the server's cadence, and a frame-time recorder.
import { createRoot } from 'react-dom/client';
import { ClusterView } from '../app/components/cluster-view/cluster-view';
import type { ViewSource } from '../app/components/cluster-view/source';
import type { ClusterViewSnapshot, ClusterViewUpdate } from '../sandbox/cluster-view/wire';

interface BenchData {
  snapshot: ClusterViewSnapshot;
  updates: ClusterViewUpdate[];
  intervalMs: number;
}

declare global {
  interface Window {
    __CV_DATA__: BenchData;
    __CV_RESULT__?: { frames: number[]; updates: number };
  }
}

const data = window.__CV_DATA__;
const source: ViewSource = {
  start(h) {
    h.snapshot(data.snapshot);
    let i = 0;
    const frames: number[] = [];
    let last = performance.now();
    let measuring = true;
    const onFrame = (t: number) => {
      frames.push(t - last);
      last = t;
      if (measuring) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(onFrame);
    });
    const timer = setInterval(() => {
      if (i < data.updates.length) return h.update(data.updates[i++]);
      clearInterval(timer);
      // One more second for the last transitions, then report.
      setTimeout(() => {
        measuring = false;
        window.__CV_RESULT__ = { frames, updates: i };
      }, 1000);
    }, data.intervalMs);
    return () => clearInterval(timer);
  },
  inspect: async () => ({ error: 'not in the bench' }),
};

createRoot(document.getElementById('root')!).render(
  <div style={{ height: '100vh' }}>
    <ClusterView source={source} title="bench" />
  </div>,
);
