// The controllers lab's TypeScript check: a Pod of shop was replaced by its ReplicaSet. The
// replacement is told apart by age: it is younger than its ReplicaSet by more than the few
// seconds the first Pods took to be created.
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { matchesSelector, objectsOfKind } from '../../sandbox/grading/queries';

const SLACK_MS = 5_000;

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
