// A lab check is a pure function of what the cluster holds (plus the learner's files): no I/O,
// no clock, so the same state always grades the same and a lab's checks test with fixtures.
// Extensionless imports: the lab catalog (read by the Next.js app) reaches this file.
import type { KubeObject } from '../engine/objects';
import type { ResourceRef } from '../engine/api/types';

/** One write the engine's trace recorded (sandbox/engine/engine.ts TraceEntry, the part checks read). */
export interface TraceRecord {
  actor: string;
  verb: string;
  resource: string;
  namespace?: string;
  name: string;
}

export interface GradingState {
  /** Every object of the resources the lab's checks need (see LabChecks.resources). */
  objects: readonly KubeObject[];
  /** The learner's files: absolute path → content. */
  files: ReadonlyMap<string, string>;
  /** The learner's shell history, oldest first (commands as typed). */
  history?: readonly string[];
  /** Answers to the lab's questions: question id → answer as given. */
  answers?: Readonly<Record<string, string>>;
  /** Recent writes to the cluster and who made them. */
  trace?: readonly TraceRecord[];
}

export interface CheckOutcome {
  passed: boolean;
  /** Passed: what was seen. Failed: what to do next, in words a learner can act on. */
  message: string;
}

export interface CheckDefinition {
  id: string;
  title: string;
  evaluate(state: GradingState): CheckOutcome;
}

export interface LabChecks {
  /** Which resources to list into GradingState.objects (cluster-wide). */
  resources: ResourceRef[];
  checks: CheckDefinition[];
}

export interface GradedCheck extends CheckOutcome {
  id: string;
  title: string;
}

/** Run every check; a check that throws fails with its error rather than breaking the others. */
export function grade(checks: readonly CheckDefinition[], state: GradingState): GradedCheck[] {
  return checks.map((check) => {
    try {
      return { id: check.id, title: check.title, ...check.evaluate(state) };
    } catch (e) {
      return { id: check.id, title: check.title, passed: false, message: `This check could not run: ${(e as Error).message}` };
    }
  });
}

export const pass = (message: string): CheckOutcome => ({ passed: true, message });
export const fail = (message: string): CheckOutcome => ({ passed: false, message });
