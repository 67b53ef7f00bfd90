'use client';
// The terminal exists only in the browser: the exam workspace loads there.
import dynamic from 'next/dynamic';
import type { ExamWorkspaceProps } from './exam-workspace';

const ExamWorkspace = dynamic(() => import('./exam-workspace').then((m) => m.ExamWorkspace), {
  ssr: false,
  loading: () => (
    <main className="page" aria-busy="true">
      <p className="muted">Starting your exam clusters…</p>
    </main>
  ),
});

export function ExamWorkspaceLoader(props: ExamWorkspaceProps) {
  return <ExamWorkspace {...props} />;
}
