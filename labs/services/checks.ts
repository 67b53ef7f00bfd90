// The services lab's TypeScript checks: a Service reaches Pods only if its selector matches
// their labels. The messages compare the two, which is the whole debugging skill.
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { findObject, matchesSelector, objectsOfKind } from '../../sandbox/grading/queries';
import type { KubeObject } from '../../sandbox/engine/objects';

const selectorText = (sel: Record<string, string>): string => Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
const labelsText = (pod: KubeObject): string => selectorText(pod.metadata.labels ?? {}) || 'no labels';

/** Ready endpoint addresses of a Service, from its Endpoints object. */
function readyAddresses(state: GradingState, name: string): number {
  const ep = findObject(state, 'Endpoints', 'default', name) as { subsets?: { addresses?: unknown[] }[] } | undefined;
  return (ep?.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
}

/** Passes when Service `name` has ready endpoints; otherwise says which labels it wants and which Pods exist. */
export function serviceReaches(state: GradingState, name: string, create: string): CheckOutcome {
  const svc = findObject(state, 'Service', 'default', name);
  if (!svc) return fail(`There is no Service \`${name}\` yet: ${create}.`);
  const selector = ((svc.spec as { selector?: Record<string, string> }).selector ?? {}) as Record<string, string>;
  const wanted = selectorText(selector);
  if (!wanted) return fail(`Service \`${name}\` has no selector, so Kubernetes keeps no endpoints for it. Give it one that matches its Pods' labels.`);
  const running = objectsOfKind(state, 'Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  const matching = running.filter((p) => matchesSelector(p.metadata.labels, wanted));
  if (matching.length === 0) {
    const seen = [...new Set(running.map(labelsText))].slice(0, 4).map((l) => `\`${l}\``).join(', ');
    return fail(`Service \`${name}\` selects \`${wanted}\`, but no Pod has that label${seen ? ` (the Pods here have ${seen})` : ''}. Change the Service's selector to match.`);
  }
  const ready = readyAddresses(state, name);
  if (ready === 0) return fail(`Service \`${name}\` selects ${matching.length} Pod(s), but none is ready yet: wait a few seconds and check \`kubectl get endpoints ${name}\`.`);
  return pass(`Service \`${name}\` selects \`${wanted}\` and has ${ready} ready endpoint(s).`);
}

export const functions: Record<string, FunctionCheck> = {
  'services/backend-endpoints': { kinds: ['Service', 'Endpoints', 'Pod'], evaluate: (s) => serviceReaches(s, 'backend', 'run `kubectl expose deployment backend --port=80`') },
  'services/api-endpoints': { kinds: ['Service', 'Endpoints', 'Pod'], evaluate: (s) => serviceReaches(s, 'api', 'it was there at the start; recreate it with `kubectl expose deployment api --port=80`') },
};
