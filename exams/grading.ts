// Grading an exam task: its checks, compiled exactly as a lab step's (sandbox/grading), read the
// state of the task's own cluster. The exam runtime grades every task once, at the deadline.
// Extensionless imports: the exam pages may reach this file.
import type { ApiClient, ResourceRef } from '../sandbox/engine/api/types';
import { grade, type CheckDefinition, type GradedCheck, type GradingState, type TraceRecord } from '../sandbox/grading/check';
import { compileCheck } from '../sandbox/grading/declarative';
import { KINDS, resourcesForKinds } from '../sandbox/grading/kinds';
import { checkFunctions } from '../labs/functions';
import { examFunctions } from './functions';
import type { TaskSpec } from './schema';

/** Kinds exam checks read that lab grading does not list (RBAC, for TypeScript checks). */
const EXTRA_KINDS: Record<string, ResourceRef> = Object.fromEntries(
  ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].map((resource, i) => [['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'][i], { group: 'rbac.authorization.k8s.io', version: 'v1', resource }]),
);
const functions = { ...checkFunctions, ...examFunctions };

export interface CompiledTask {
  id: string;
  /** The resources to list from the task's cluster into GradingState.objects. */
  resources: ResourceRef[];
  checks: CheckDefinition[];
}

/** A task's checks, compiled; throws on a TypeScript check name labs/functions.ts does not know. */
export function compileTask(task: Pick<TaskSpec, 'id' | 'checks'>): CompiledTask {
  const checks = task.checks.map((c) => compileCheck(c, functions));
  const kinds = [...new Set(['Event', ...checks.flatMap((c) => c.kinds)])];
  const extra = kinds.filter((k) => !(k in KINDS) && k in EXTRA_KINDS).map((k) => EXTRA_KINDS[k]);
  return { id: task.id, resources: [...resourcesForKinds(kinds.filter((k) => !(k in EXTRA_KINDS))), ...extra], checks };
}

/** What the candidate left behind, besides the cluster: home files, shell history, recent writes. */
export interface CandidateState {
  files?: ReadonlyMap<string, string>;
  history?: readonly string[];
  trace?: readonly TraceRecord[];
}

/** The state a task is graded from: every object of its checks' kinds on its cluster. */
export function taskState(task: CompiledTask, api: ApiClient, candidate: CandidateState = {}): GradingState {
  return {
    objects: task.resources.flatMap((ref) => api.list(ref).items),
    files: candidate.files ?? new Map(),
    history: candidate.history ?? [],
    answers: {},
    trace: candidate.trace ?? [],
  };
}

/**
 * Grades one task on its cluster: per check, passed and a message. `api` is a client of the
 * cluster named by the task's `context` (e.g. engine.client('kubelab-grader')).
 */
export function gradeExamTask(task: Pick<TaskSpec, 'id' | 'checks'>, api: ApiClient, candidate: CandidateState = {}): GradedCheck[] {
  const compiled = compileTask(task);
  return grade(compiled.checks, taskState(compiled, api, candidate));
}

export interface TaskScore {
  taskId: string;
  weight: number;
  /** Points earned: the weight times the share of the task's checks that pass (as the real exams give partial credit). */
  score: number;
  checks: GradedCheck[];
}

/** Points for a graded task: its weight times the share of passing checks, rounded to a tenth. */
export function scoreTask(task: Pick<TaskSpec, 'id' | 'weight'>, checks: GradedCheck[]): TaskScore {
  const passed = checks.filter((c) => c.passed).length;
  const score = checks.length ? Math.round((task.weight * passed * 10) / checks.length) / 10 : 0;
  return { taskId: task.id, weight: task.weight, score, checks };
}

/** The exam's total (0–100) and whether it passes. */
export function examResult(scores: TaskScore[], passPercent: number): { total: number; passed: boolean } {
  const total = Math.round(scores.reduce((sum, s) => sum + s.score, 0) * 10) / 10;
  return { total, passed: total >= passPercent };
}
