import type { ReactNode } from 'react';

// The lab route group: full-height workspace, no page chrome beyond the site header.
export default function LabLayout({ children }: { children: ReactNode }) {
  return children;
}
