// The node-maintenance lab's TypeScript checks. "No web Pod on node01" alone would pass before
// web has moved anywhere, and "node01 is schedulable" passes before it was ever cordoned, so both
// also look at what the learner did (the history) and at web being whole.
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { findObject, matchesSelector, objectsOfKind, readyReplicas } from '../../sandbox/grading/queries';

const node01 = (state: GradingState) => objectsOfKind(state, 'Node').find((n) => n.metadata.name === 'node01');
const cordoned = (state: GradingState): boolean => !!(node01(state)?.spec as { unschedulable?: boolean } | undefined)?.unschedulable;

const drained = (state: GradingState): boolean => (state.history ?? []).some((l) => /\bkubectl\s+drain\s+node01\b/.test(l));

function webOffNode01(state: GradingState): CheckOutcome {
  if (!drained(state)) return fail('node01 has not been drained yet: run `kubectl drain node01 --ignore-daemonsets`.');
  const web = findObject(state, 'Deployment', 'default', 'web');
  if (!web) return fail('Deployment `web` is gone; this lab needs it. Recreate it with `kubectl create deployment web --image=nginx --replicas=4`.');
  const left = objectsOfKind(state, 'Pod', 'default').filter((p) => matchesSelector(p.metadata.labels, 'app=web') && (p.spec as { nodeName?: string } | undefined)?.nodeName === 'node01' && !p.metadata.deletionTimestamp);
  if (left.length > 0 && !cordoned(state)) {
    // After uncordon, new Pods may land on node01 again: that is step 2, not a failed drain.
    return pass('node01 was drained; web may use it again now that it is uncordoned.');
  }
  if (left.length > 0) return fail(`Pod ${left.map((p) => `\`${p.metadata.name}\``).join(', ')} of web still runs on node01: the drain has not finished. Run it again and read its output.`);
  const ready = readyReplicas(web);
  if (ready < 4) return fail(`web has ${ready} ready Pods of 4: the evicted Pods are still being replaced on node02. Wait a few seconds.`);
  return pass(`web's ${ready} Pods all run elsewhere; node01 is empty of application Pods.`);
}

function node01Uncordoned(state: GradingState): CheckOutcome {
  if (!drained(state)) return fail('Drain node01 first (step 1).');
  const node = node01(state);
  if (!node) return fail('There is no node node01.');
  if (cordoned(state)) return fail('node01 is still cordoned (`SchedulingDisabled`): run `kubectl uncordon node01`.');
  return pass('node01 is schedulable again.');
}

export const functions: Record<string, FunctionCheck> = {
  'node-maintenance/web-off-node01': { kinds: ['Deployment', 'Pod', 'Node'], evaluate: webOffNode01 },
  'node-maintenance/node01-uncordoned': { kinds: ['Node'], evaluate: node01Uncordoned },
};
