// One participant's progress in one lab, as the dashboard shows it: the step they are on (the first
// with a check not yet passed) and each check's state, from the results the sessions store.
import type { LabMeta } from '../labs/catalog';

export interface LabShape {
  slug: string;
  title: string;
  steps: { id: string; title: string; checkIds: string[]; checkTitles: string[]; hints: string[] }[];
}

/** A lab's steps, checks (questions are checks too) and hints: what the dashboard needs of it. */
export function labShape(lab: LabMeta): LabShape {
  return {
    slug: lab.slug,
    title: lab.title,
    steps: lab.steps.map((s) => ({
      id: s.id,
      title: s.title,
      checkIds: [...s.checks.map((c) => c.id), ...s.questions.map((q) => q.id)],
      checkTitles: [...s.checks.map((c) => c.title), ...s.questions.map((q) => q.prompt)],
      hints: s.hints,
    })),
  };
}

export interface StoredCheck {
  checkId: string;
  passed: boolean;
  firstPassedAt?: Date | null;
}

export interface StoredAttempt {
  completedAt?: Date | null;
  checks: StoredCheck[];
}

export type CellCheckState = 'passed' | 'failed' | 'pending';

export interface LabCell {
  labSlug: string;
  /** The learner opened this lab (its checks have run at least once). */
  started: boolean;
  /** 0-based; steps.length when every step is done. */
  stepIndex: number;
  stepLabel: string;
  checks: { id: string; state: CellCheckState }[];
  passed: number;
  total: number;
  completedAt?: string;
  /** When a check of this lab last passed for the first time (ISO). */
  lastPassAt?: string;
  /** How many different failures in a row the worst check has had (stuck.ts). */
  failStreak: number;
  failingCheck?: string;
}

export function labCell(shape: LabShape, attempt: StoredAttempt | undefined, fails?: { checkId: string; streak: number }): LabCell {
  const byId = new Map((attempt?.checks ?? []).map((c) => [c.checkId, c]));
  const state = (id: string): CellCheckState => {
    const c = byId.get(id);
    return c === undefined ? 'pending' : c.passed ? 'passed' : 'failed';
  };
  const checks = shape.steps.flatMap((s) => s.checkIds.map((id) => ({ id, state: state(id) })));
  let stepIndex = shape.steps.findIndex((s) => s.checkIds.some((id) => state(id) !== 'passed'));
  if (stepIndex < 0) stepIndex = shape.steps.length;
  const step = shape.steps[stepIndex];
  const passTimes = (attempt?.checks ?? []).flatMap((c) => (c.passed && c.firstPassedAt ? [c.firstPassedAt.getTime()] : []));
  return {
    labSlug: shape.slug,
    started: attempt !== undefined,
    stepIndex,
    stepLabel: step ? `${stepIndex + 1}/${shape.steps.length} ${step.title}` : 'done',
    checks,
    passed: checks.filter((c) => c.state === 'passed').length,
    total: checks.length,
    completedAt: attempt?.completedAt?.toISOString(),
    lastPassAt: passTimes.length ? new Date(Math.max(...passTimes)).toISOString() : undefined,
    failStreak: fails?.streak ?? 0,
    failingCheck: fails && fails.streak > 0 ? fails.checkId : undefined,
  };
}
