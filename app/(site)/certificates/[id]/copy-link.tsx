'use client';
import { useState } from 'react';

/** Copies the certificate's address for sharing; says so (politely, to screen readers too). */
export function CopyLink({ url }: { url: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <p>
      <button type="button" className="button secondary" onClick={copy}>
        Copy the link to share
      </button>
      <span role="status" aria-live="polite">
        {state === 'copied' && ' Link copied.'}
        {state === 'failed' && ` Could not copy; the link is ${url}`}
      </span>
    </p>
  );
}
