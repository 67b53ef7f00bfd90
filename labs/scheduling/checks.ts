// The scheduling lab's TypeScript checks: Deployment web's Pods keep off the tainted node02 (a
// `count … max: 0` would pass before web exists, so it also asks that web has Pods), and Pod
// orphan was created while kube-scheduler was stopped.
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

/** Seconds between a Pod's creation and its binding, past which no running scheduler was there. */
const UNSCHEDULED_FOR_S = 2;

/**
 * Pod orphan was made while kube-scheduler was stopped: it has no node yet, or it was bound well
 * after it was created (a running scheduler binds it within the same second).
 */
function orphanCreatedWithoutScheduler(state: GradingState): CheckOutcome {
  const orphan = objectsOfKind(state, 'Pod', 'default').find((p) => p.metadata.name === 'orphan');
  if (!orphan) return fail('There is no Pod `orphan` yet: press **Stop kube-scheduler**, then `kubectl run orphan --image=nginx`.');
  if (!nodeOf(orphan)) return pass('orphan is Pending with no node: nothing chose one for it.');
  const conditions = (orphan.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? [];
  const scheduledAt = Date.parse(conditions.find((c) => c.type === 'PodScheduled' && c.status === 'True')?.lastTransitionTime ?? '');
  const createdAt = Date.parse(orphan.metadata.creationTimestamp ?? '');
  if (scheduledAt - createdAt >= UNSCHEDULED_FOR_S * 1000) return pass(`orphan waited ${Math.round((scheduledAt - createdAt) / 1000)} s for a scheduler.`);
  return fail(`orphan was scheduled to ${nodeOf(orphan)} at once: kube-scheduler was running. Delete it (\`kubectl delete pod orphan\`), press **Stop kube-scheduler** and create it again.`);
}

export const functions: Record<string, FunctionCheck> = {
  'scheduling/web-off-node02': { kinds: ['Pod'], evaluate: webOffNode02 },
  'scheduling/orphan-created-without-scheduler': { kinds: ['Pod'], evaluate: orphanCreatedWithoutScheduler },
};
