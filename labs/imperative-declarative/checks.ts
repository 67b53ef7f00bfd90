// The TypeScript check of the imperative-declarative lab: the live Deployment agrees with the
// manifest in the learner's home again (no drift), which no single declarative test can say.
import { parseAllDocuments } from 'yaml';
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { desiredReplicas, findObject } from '../../sandbox/grading/queries';

const FILE = '/root/api.yaml';

/** spec.replicas of Deployment `name` in a manifest (1 when the manifest leaves it out, as the API defaults it). */
export function manifestReplicas(text: string, name: string): number | undefined {
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) continue;
    const v = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { replicas?: number } } | null;
    if (v?.kind === 'Deployment' && v.metadata?.name === name) return v.spec?.replicas ?? 1;
  }
  return undefined;
}

function noDrift(state: GradingState): CheckOutcome {
  const text = state.files.get(FILE);
  if (text === undefined) return fail(`There is no ${FILE}; generate it in step 1.`);
  const wanted = manifestReplicas(text, 'api');
  if (wanted === undefined) return fail(`${FILE} does not describe a Deployment named \`api\`.`);
  const live = findObject(state, 'Deployment', 'default', 'api');
  if (!live) return fail('Deployment `api` is not in the cluster; apply the file.');
  const scaled = (state.history ?? []).some((l) => /\bkubectl\s+scale\b/.test(l));
  if (!scaled) return fail('First make the cluster drift: scale `api` with `kubectl scale`.');
  const has = desiredReplicas(live);
  if (has !== wanted) return fail(`The cluster runs ${has} replicas of \`api\` but ${FILE} says ${wanted}: the cluster has drifted from the file. Apply the file again.`);
  return pass(`The cluster and ${FILE} agree again: ${has} replicas.`);
}

export const functions: Record<string, FunctionCheck> = {
  'imperative-declarative/no-drift': { kinds: ['Deployment'], evaluate: noDrift },
};
