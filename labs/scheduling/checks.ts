// The scheduling lab's TypeScript check: Deployment web's Pods keep off the tainted node02.
// A `count … max: 0` would pass before web exists, so this one also asks that web has Pods.
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { matchesSelector, objectsOfKind } from '../../sandbox/grading/queries';
import type { KubeObject } from '../../sandbox/engine/objects';

const nodeOf = (pod: KubeObject): string | undefined => (pod.spec as { nodeName?: string } | undefined)?.nodeName;

function webOffNode02(state: GradingState): CheckOutcome {
  const pods = objectsOfKind(state, 'Pod', 'default').filter((p) => matchesSelector(p.metadata.labels, 'app=web'));
  if (pods.length === 0) return fail('No Pod is labelled `app=web` yet: create the Deployment with `kubectl create deployment web --image=nginx --replicas=4`.');
  const onNode02 = pods.filter((p) => nodeOf(p) === 'node02').map((p) => p.metadata.name);
  if (onNode02.length > 0) {
    return fail(
      `Pod ${onNode02.map((n) => `\`${n}\``).join(', ')} of web runs on node02. A NoSchedule taint keeps new Pods away but leaves running ones alone: ` +
        'delete them (`kubectl delete pod <name>`) and the ReplicaSet creates replacements on node01.',
    );
  }
  return pass(`None of web's ${pods.length} Pods is on node02.`);
}

export const functions: Record<string, FunctionCheck> = {
  'scheduling/web-off-node02': { kinds: ['Pod'], evaluate: webOffNode02 },
};
