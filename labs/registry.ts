// Every lab with its compiled checks, for the sandbox session (server side) and labs:check.
import { resourcesForKinds } from '../sandbox/grading/kinds';
import { compileCheck, type CompiledCheck } from '../sandbox/grading/declarative';
import { compileQuestion, type QuestionSpec } from '../sandbox/grading/questions';
import type { LabChecks } from '../sandbox/grading/check';
import { checkFunctions } from './functions';
import { loadAllLabs, type LoadedLab } from './load';
import type { ClusterSpec, LabActionSpec } from './schema';

export interface LabDefinition {
  slug: string;
  title: string;
  /** Files the learner starts with: absolute path → content. */
  files: Record<string, string>;
  openFile?: string;
  grading: LabChecks;
  /** The starting cluster: workers, version, cni, kube-proxy mode, cloud. */
  cluster?: ClusterSpec;
  /** Objects created in a fresh sandbox before the learner arrives. */
  setupObjects?: Record<string, unknown>[];
  /** The lab's questions, to grade an answer the moment it is given. */
  questions?: QuestionSpec[];
  /** Each step's buttons (lab actions), for the session's runAction. */
  steps?: { id: string; actions: LabActionSpec[] }[];
}

/** A loaded lab's checks and questions, step by step, compiled. */
export function compileLab(lab: LoadedLab): { steps: { id: string; checks: CompiledCheck[] }[]; definition: LabDefinition } {
  const steps = lab.steps.map((s) => ({ id: s.id, checks: [...s.checks.map((c) => compileCheck(c, checkFunctions)), ...s.questions.map(compileQuestion)] }));
  const checks = steps.flatMap((s) => s.checks);
  // Events are always listed: cheap, and TypeScript checks often explain a failure with them.
  const kinds = new Set(['Event', ...checks.flatMap((c) => c.kinds)]);
  return {
    steps,
    definition: {
      slug: lab.slug,
      title: lab.title,
      files: lab.homeFiles,
      openFile: lab.setup.openFile,
      grading: { resources: resourcesForKinds(kinds), checks },
      cluster: lab.cluster,
      setupObjects: lab.setupObjects,
      questions: lab.steps.flatMap((s) => s.questions),
      steps: lab.steps.map((s) => ({ id: s.id, actions: s.actions })),
    },
  };
}

let cache: LabDefinition[] | undefined;

function all(): LabDefinition[] {
  cache ??= loadAllLabs().map((lab) => compileLab(lab).definition);
  return cache;
}

export function findLab(slug: string): LabDefinition | undefined {
  return all().find((l) => l.slug === slug);
}
