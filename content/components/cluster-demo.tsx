'use client';
// <ClusterDemo scenario="replace-deleted-pod" /> in a lesson: a demonstration cluster the reader
// plays in the page. The lesson stays static: the view loads, and the server starts the
// demonstration cluster, only on Play.
import dynamic from 'next/dynamic';
import { useState } from 'react';

const ScenarioDemo = dynamic(() => import('../../app/components/cluster-view/demo').then((m) => m.ScenarioDemo), {
  ssr: false,
  loading: () => <p className="muted">Loading the cluster view…</p>,
});

export function ClusterDemo({ scenario, title }: { scenario: string; title?: string }) {
  const [run, setRun] = useState(0);
  return (
    <figure className="cluster-demo" data-testid="cluster-demo" style={{ margin: '1.5rem 0', border: '1px solid var(--line, #ddd)', borderRadius: 8, padding: '0.75rem' }}>
      <figcaption style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <strong>{title ?? 'Watch it happen'}</strong>
        <button type="button" onClick={() => setRun((n) => n + 1)}>{run === 0 ? 'Play' : 'Play again'}</button>
      </figcaption>
      {run > 0 && <ScenarioDemo key={run} scenario={scenario} />}
    </figure>
  );
}
