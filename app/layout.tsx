import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kubelab', template: '%s · Kubelab' },
  description: 'Learn Kubernetes architecture hands-on, in your own cluster, in the browser.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Kubelab
          </Link>
          <nav aria-label="Main">
            <Link href="/course">Course</Link>
            <Link href="/lessons/architecture">Lessons</Link>
            <Link href="/labs/deploy-nginx">Labs</Link>
          </nav>
        </header>
        {children}
      </body>
    </html>
  );
}
