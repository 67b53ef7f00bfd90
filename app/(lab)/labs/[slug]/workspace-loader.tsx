'use client';
// The terminal and editor exist only in the browser, and only on the lab page.
import dynamic from 'next/dynamic';

const Workspace = dynamic(() => import('./workspace').then((m) => m.Workspace), {
  ssr: false,
  loading: () => (
    <section id="sandbox" className="lab-main" aria-busy="true">
      <p className="muted" style={{ padding: '1rem' }}>
        Starting your cluster…
      </p>
    </section>
  ),
});

export function WorkspaceLoader(props: { labSlug: string; checks: { id: string; title: string }[] }) {
  return <Workspace {...props} />;
}
