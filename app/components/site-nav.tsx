'use client';
// The main navigation. Client-side so the pages under it stay static: the current page comes from
// the URL, and the role (for instructors' links) from GET /api/me after the page has loaded.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { currentMark, linksFor, parseRole, type NavRole } from './site-links';

const ROLE_KEY = 'kubelab:role';

function useRole(pathname: string): NavRole | undefined {
  const [role, setRole] = useState<NavRole>();
  useEffect(() => {
    // The last answer first (no link popping in on every page), then the server's.
    setRole(parseRole(sessionStorage.getItem(ROLE_KEY)));
    let live = true;
    fetch('/api/me', { cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : undefined))
      .then((body: { role?: unknown } | undefined) => {
        const fresh = parseRole(body?.role);
        if (!live) return;
        setRole(fresh);
        if (fresh) sessionStorage.setItem(ROLE_KEY, fresh);
        else sessionStorage.removeItem(ROLE_KEY);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname]);
  return role;
}

export function SiteNav() {
  const pathname = usePathname() ?? '/';
  const role = useRole(pathname);
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {linksFor(role).map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={currentMark(pathname, link)}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
