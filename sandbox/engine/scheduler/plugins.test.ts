import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { runFilters } from './filters.js';
import { addPod, newNodeInfo, type NodeInfo } from './node-info.js';
import { fitErrorMessage } from './fit-error.js';
import type { CycleState } from './cycle-state.js';
import { affinityPreFilter } from './inter-pod-affinity.js';
import { spreadPreFilter } from './topology-spread.js';
import { scoreNodes } from './score.js';

const node = (name: string, labels: Record<string, string> = {}): NodeInfo =>
  newNodeInfo({ metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: {}, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } } as Node);
const pod = (name: string, labels: Record<string, string>, spec: Partial<Pod['spec']> = {}, namespace = 'default'): Pod => ({
  metadata: { name, namespace, labels, uid: `uid-${name}` },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const place = (info: NodeInfo, p: Pod) => addPod(info, { ...p, spec: { ...p.spec!, nodeName: info.name } });

function cycle(p: Pod, infos: NodeInfo[], namespaces: Record<string, Record<string, string>> = {}): CycleState {
  const state: CycleState = { infos, namespaceLabels: (ns) => namespaces[ns] };
  state.spread = spreadPreFilter(p, state);
  state.affinity = affinityPreFilter(p, state);
  return state;
}

/** The FailedScheduling text when every node is filtered out. */
function message(p: Pod, infos: NodeInfo[], namespaces: Record<string, Record<string, string>> = {}): string {
  const state = cycle(p, infos, namespaces);
  const failures = infos.map((i) => runFilters(p, i, state)).filter((f) => f !== undefined);
  expect(failures).toHaveLength(infos.length);
  return fitErrorMessage(infos.length, failures);
}

const feasibleNames = (p: Pod, infos: NodeInfo[]) => {
  const state = cycle(p, infos);
  return infos.filter((i) => !runFilters(p, i, state)).map((i) => i.name);
};

const hostAnti = (app: string) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] } });

describe('InterPodAffinity', () => {
  it('keeps a pod off nodes whose pods its required anti-affinity selects', () => {
    const [a, b] = [node('node01'), node('node02')];
    place(a, pod('web-1', { app: 'web' }));
    place(b, pod('web-2', { app: 'web' }));
    expect(message(pod('web-3', { app: 'web' }, { affinity: hostAnti('web') }), [a, b])).toBe(
      "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
    expect(feasibleNames(pod('web-3', { app: 'web' }, { affinity: hostAnti('web') }), [a, b, node('node03')])).toEqual(['node03']);
  });

  it("honours placed pods' anti-affinity towards the incoming pod (symmetry)", () => {
    const [a, b] = [node('node01'), node('node02')];
    place(a, pod('db', { app: 'db' }, { affinity: hostAnti('web') }));
    expect(feasibleNames(pod('web', { app: 'web' }), [a, b])).toEqual(['node02']);
    expect(message(pod('web', { app: 'web' }), [a])).toBe(
      "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });

  it('requires a matching pod in the same zone, except for the first pod of a series', () => {
    const [a, b, c] = [node('node01', { 'topology.kubernetes.io/zone': 'z1' }), node('node02', { 'topology.kubernetes.io/zone': 'z2' }), node('node03')];
    const withCache = (name: string) => pod(name, { app: 'web' }, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'topology.kubernetes.io/zone' }] } } });
    expect(message(withCache('web'), [a, b, c])).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    place(b, pod('cache', { app: 'cache' }));
    expect(feasibleNames(withCache('web'), [a, b, c])).toEqual(['node02']);
    const selfAffine = pod('cache-1', { app: 'cache' }, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } } });
    expect(feasibleNames(selfAffine, [node('x'), node('y')])).toEqual(['x', 'y']);
  });

  it('looks only in the namespaces a term names or selects', () => {
    const a = node('node01');
    place(a, pod('web-1', { app: 'web' }, {}, 'other'));
    expect(feasibleNames(pod('web-2', { app: 'web' }, { affinity: hostAnti('web') }), [a])).toEqual(['node01']);
    const bySelector = pod('web-2', { app: 'web' }, {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { team: 'x' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    });
    expect(message(bySelector, [a], { other: { team: 'x' } })).toContain("1 node(s) didn't match pod anti-affinity rules");
    expect(feasibleNames(bySelector, [a])).toEqual(['node01']); // namespace "other" has no team=x label here
  });

  it('prefers nodes away from pods named by preferred anti-affinity', () => {
    const [a, b] = [node('node01'), node('node02')];
    place(a, pod('web-1', { app: 'web' }));
    const p = pod('web-2', { app: 'web' }, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' } }] } } });
    const [sa, sb] = scoreNodes(p, [a, b], cycle(p, [a, b]));
    expect(sb - sa).toBeGreaterThanOrEqual(200); // weight 2 × the whole 0…100 range
  });
});

describe('PodTopologySpread', () => {
  const zones = () => [node('node01', { 'topology.kubernetes.io/zone': 'a' }), node('node02', { 'topology.kubernetes.io/zone': 'b' }), node('node03')];
  const spread = (name: string, extra: object = {}) =>
    pod(name, { app: 'web' }, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });

  it('filters by skew and reports nodes without the topology label', () => {
    const infos = zones();
    place(infos[0], pod('web-1', { app: 'web' }));
    expect(feasibleNames(spread('web-2'), infos)).toEqual(['node02']);
    place(infos[1], pod('web-2', { app: 'web' }));
    place(infos[1], pod('web-3', { app: 'web' }));
    expect(feasibleNames(spread('web-4'), infos)).toEqual(['node01']);
    const full = zones();
    place(full[0], pod('web-1', { app: 'web' }));
    // One zone only: below minDomains 2 its domain counts against a global minimum of 0.
    expect(message(spread('web-2', { minDomains: 2 }), [full[0], full[2]])).toBe(
      "0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it('counts missing domains as empty when there are fewer than minDomains', () => {
    const infos = zones();
    place(infos[0], pod('web-1', { app: 'web' }));
    place(infos[1], pod('web-2', { app: 'web' }));
    expect(feasibleNames(spread('web-3'), infos)).toEqual(['node01', 'node02']);
    expect(feasibleNames(spread('web-3', { minDomains: 3 }), infos)).toEqual([]);
  });

  it('spreads the pods of one controller by default (ScheduleAnyway on hostname)', () => {
    const [a, b] = [node('node01'), node('node02')];
    const owned = (name: string) => ({ ...pod(name, { app: 'web' }), metadata: { ...pod(name, { app: 'web' }).metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-1', controller: true }] } });
    place(a, owned('web-1'));
    place(a, owned('web-2'));
    const p = owned('web-3');
    const [sa, sb] = scoreNodes(p, [a, b], cycle(p, [a, b]));
    expect(sb).toBeGreaterThan(sa);
  });
});
