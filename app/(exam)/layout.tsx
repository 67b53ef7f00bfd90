import type { ReactNode } from 'react';

// The exam route group: the attempt's full-height workspace (terminal beside the questions).
export default function ExamLayout({ children }: { children: ReactNode }) {
  return children;
}
