'use client';
// One account's role on the admin page: changing the select saves it at once and says so.
import { useState } from 'react';

const ROLES = ['learner', 'instructor', 'admin'] as const;

export function RoleSelect({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [value, setValue] = useState(role);
  const [status, setStatus] = useState('');

  async function change(next: string) {
    const previous = value;
    setValue(next);
    setStatus('Saving…');
    const res = await fetch(`/api/account/users/${encodeURIComponent(userId)}`, { method: 'PATCH', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: next }) });
    if (res.ok) return setStatus('Saved');
    setValue(previous);
    setStatus(((await res.json().catch(() => ({}))) as { error?: string }).error ?? 'Not saved');
  }

  return (
    <>
      <select aria-label={`Role of ${email}`} value={value} onChange={(e) => void change(e.target.value)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{' '}
      <span role="status" className="muted">
        {status}
      </span>
    </>
  );
}
