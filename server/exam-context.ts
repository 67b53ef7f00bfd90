// The exam service server.ts starts, for the Next.js pages and route handlers (bundled separately,
// so a process-wide symbol is the bridge, as server/context.ts does for the database).
import type { ExamService } from './exam-service.js';

const KEY = Symbol.for('kubelab.exam-service');

export function setExamService(service: ExamService | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = service;
}

/** Undefined when the app runs without server.ts (e.g. `next dev` alone). */
export function getExamService(): ExamService | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as ExamService | undefined;
}
