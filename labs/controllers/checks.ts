// The controllers lab's TypeScript check: a Pod of shop was replaced by its ReplicaSet. The
// replacement is told apart by age: the ReplicaSet creates its first Pods in the same second it
// is created, so a Pod more than a second younger than its ReplicaSet is a replacement. (A wider
// margin failed a quick learner: the lab's objects are created when the lab opens, and deleting a
// Pod right after `rollout status` can come within five seconds of that.)
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { matchesSelector, objectsOfKind } from '../../sandbox/grading/queries';

const SLACK_MS = 1_000;

const createdAt = (o: { metadata: { creationTimestamp?: string } }): number => Date.parse(o.metadata.creationTimestamp ?? '');

function podReplaced(state: GradingState): CheckOutcome {
  const sets = objectsOfKind(state, 'ReplicaSet', 'default').filter((rs) => matchesSelector(rs.metadata.labels, 'app=shop'));
  if (sets.length === 0) return fail('Deployment `shop` has no ReplicaSet: is the Deployment still there? (`kubectl get deployment shop`)');
  const firstSet = Math.min(...sets.map(createdAt));
  const pods = objectsOfKind(state, 'Pod', 'default').filter((p) => matchesSelector(p.metadata.labels, 'app=shop'));
  const young = pods.filter((p) => createdAt(p) > firstSet + SLACK_MS);
  if (young.length === 0) {
    return fail(`All ${pods.length} Pods of shop are as old as their ReplicaSet: delete one (\`kubectl delete pod <name>\`) and watch the ReplicaSet create a replacement.`);
  }
  return pass(`Pod \`${young[0].metadata.name}\` was created by the ReplicaSet after the first ones: a replacement.`);
}

export const functions: Record<string, FunctionCheck> = {
  'controllers/pod-replaced': { kinds: ['ReplicaSet', 'Pod'], evaluate: podReplaced },
};
