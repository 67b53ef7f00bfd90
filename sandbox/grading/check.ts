// A lab check is a pure function of what the cluster holds (plus the learner's files): no I/O,
// no clock, so the same state always grades the same and a lab's checks test with fixtures.
import type { KubeObject } from '../engine/objects.js';
import type { ResourceRef } from '../engine/api/types.js';

export interface GradingState {
  /** Every object of the resources the lab's checks need (see LabChecks.resources). */
  objects: readonly KubeObject[];
  /** The learner's files: absolute path → content. */
  files: ReadonlyMap<string, string>;
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
