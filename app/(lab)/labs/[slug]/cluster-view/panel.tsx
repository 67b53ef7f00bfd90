'use client';
// The cluster view on the lab page: a tab over the editor that can take the whole workspace.
// Its code (map, timeline) loads only when the learner opens it.
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { sandboxViewSource } from './socket-source';

const ClusterView = dynamic(() => import('../../../../components/cluster-view/cluster-view').then((m) => m.ClusterView), {
  ssr: false,
  loading: () => <p className="muted" style={{ padding: '1rem' }}>Loading the cluster view…</p>,
});

export function ClusterViewPanel({ labSlug }: { labSlug: string }) {
  const [open, setOpen] = useState<'closed' | 'dock' | 'full'>('closed');
  const source = useMemo(() => (open === 'closed' ? undefined : sandboxViewSource(labSlug)), [labSlug, open === 'closed']); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className={`cv-dock cv-dock-${open}`} data-testid="cluster-view-dock" data-open={open}>
      <div className="cv-dock-tabs">
        {open === 'closed' ? (
          <button type="button" onClick={() => setOpen('dock')} aria-expanded="false">Cluster view</button>
        ) : (
          <>
            <button type="button" onClick={() => setOpen(open === 'full' ? 'dock' : 'full')}>{open === 'full' ? 'Show terminal' : 'Enlarge'}</button>
            <button type="button" onClick={() => setOpen('closed')} aria-expanded="true">Back to editor</button>
          </>
        )}
      </div>
      {source && <ClusterView source={source} />}
      <style>{DOCK_CSS}</style>
    </div>
  );
}

// Sits in the workspace's grid over the editor (row 2), or over both rows when enlarged.
const DOCK_CSS = `
.lab-main { position: relative; }
.cv-dock { grid-column: 1; grid-row: 2; z-index: 3; min-height: 0; display: flex; flex-direction: column; }
.cv-dock-closed { justify-self: end; align-self: start; background: none; }
.cv-dock-dock, .cv-dock-full { background: #fbfcfe; border-top: 1px solid var(--line, #ddd); }
.cv-dock-full { grid-row: 1 / 3; }
.cv-dock-tabs { display: flex; gap: 6px; justify-content: flex-end; padding: 2px 6px; }
.cv-dock-closed .cv-dock-tabs button { font-weight: 600; }
.cv-dock > .cv-root { flex: 1; min-height: 0; }
`;
