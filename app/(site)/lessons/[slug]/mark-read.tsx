'use client';
import { useState } from 'react';

/** Records LessonProgress for this browser's learner (POST /api/progress). */
export function MarkRead({ lessonSlug }: { lessonSlug: string }) {
  const [state, setState] = useState<'idle' | 'saving' | 'done' | 'error'>('idle');
  async function mark() {
    setState('saving');
    const res = await fetch('/api/progress', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lessonSlug, completed: true }),
    }).catch(() => undefined);
    setState(res?.ok ? 'done' : 'error');
  }
  return (
    <p>
      <button type="button" className="button secondary" onClick={mark} disabled={state === 'saving' || state === 'done'}>
        {state === 'done' ? 'Marked as read ✓' : 'Mark this lesson as read'}
      </button>
      {state === 'error' && <span role="alert"> Could not save your progress; try again.</span>}
    </p>
  );
}
