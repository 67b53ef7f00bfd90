'use client';
// The header's account corner: "Sign in / Sign up" for guests, else the account's email opening a
// menu (Dashboard, Account, Admin for admins, Sign out). Asks in the browser, so pages stay static.
import { useEffect, useRef, useState } from 'react';
import styles from './account-menu.module.css';

interface Me {
  email: string;
  role: string | null;
}

async function loadMe(): Promise<Me | null> {
  const session = await fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  const email: string | undefined = session?.user?.email;
  if (!email) return null;
  const me = await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return { email, role: me?.role ?? null };
}

export function AccountMenu() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadMe().then(setMe);
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  async function signOut() {
    await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    window.location.assign('/');
  }

  if (me === undefined) return <div className={styles.placeholder} aria-hidden="true" />;
  if (me === null) {
    // Back to this page afterwards (the auth pages themselves lead home).
    const here = window.location.pathname.startsWith('/sign') ? '' : `?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    return (
      <nav className={styles.links} aria-label="Account">
        <a href={`/signin${here}`}>Sign in</a>
        <a href={`/signup${here}`} className={styles.signup}>
          Sign up
        </a>
      </nav>
    );
  }
  return (
    <div className={styles.menu} ref={root}>
      <button ref={button} type="button" className={styles.trigger} aria-expanded={open} aria-controls="account-menu-list" onClick={() => setOpen(!open)}>
        <span className={styles.srOnly}>Account menu for </span>
        {me.email}
      </button>
      {open && (
        <ul id="account-menu-list" className={styles.list}>
          <li>
            <a href="/dashboard">Dashboard</a>
          </li>
          <li>
            <a href="/account">Account</a>
          </li>
          {me.role === 'admin' && (
            <li>
              <a href="/admin/users">Admin</a>
            </li>
          )}
          <li>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
