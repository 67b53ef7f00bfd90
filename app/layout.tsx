import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './components/site-header';
import { THEME_BOOT_SCRIPT } from './components/theme-boot';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kubelab', template: '%s · Kubelab' },
  description: 'Learn Kubernetes architecture hands-on, in your own cluster, in the browser.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1117' },
  ],
};

// The theme script sets <html data-theme> before the body paints, so React sees attributes the
// server did not render: suppressHydrationWarning on <html> only.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <SiteHeader />
        <div id="main-content" tabIndex={-1}>
          {children}
        </div>
      </body>
    </html>
  );
}
