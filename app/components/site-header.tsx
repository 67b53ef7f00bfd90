import Link from 'next/link';
import { AccountMenu } from './account-menu';
import { SiteNav } from './site-nav';
import { ThemeToggle } from './theme-toggle';

/** On every page: skip link, home, main navigation, theme and account. Reads no cookies (static pages stay static). */
export function SiteHeader() {
  return (
    <>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
            <path fill="currentColor" d="M12 1.6 21.4 6v12L12 22.4 2.6 18V6L12 1.6Zm0 2.3L4.6 7.3v9.4l7.4 3.4 7.4-3.4V7.3L12 3.9Zm0 3.6a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Z" />
          </svg>
          Kubelab
        </Link>
        <SiteNav />
        <div className="site-tools">
          <ThemeToggle />
          <AccountMenu />
        </div>
      </header>
    </>
  );
}
