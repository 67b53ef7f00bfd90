// The request-flow timeline: the writes one learner command set off, as an ordered chain of
// steps, each naming the component that acted and why. A write belongs to the latest chain it is
// related to (its object, an owner, the object an Event is about, or a pod an endpoint list
// names is already in that chain); writes related to no chain are background (leases…).
import { baseResource, isLearner, linkKey, type Fact, type ObjectLink } from './facts.js';

export type Stage =
  | 'kubectl'
  | 'api-server'
  | 'etcd'
  | 'deployment-controller'
  | 'replicaset-controller'
  | 'scheduler'
  | 'kubelet'
  | 'endpoints'
  | 'kube-proxy'
  | 'controller';

export interface Step {
  id: string;
  stage: Stage;
  /** The component as the map names it. */
  component: string;
  /** What it did, in a line. */
  summary: string;
  why: string;
  revision: number;
  time: number;
  object: ObjectLink;
  event?: { name: string; reason?: string; message?: string };
}

export interface Chain {
  id: string;
  /** The learner's write that started it (`create deployments.apps default/web`). */
  title: string;
  actor: string;
  startedAt: number;
  steps: Step[];
}

const COMPONENT: Record<Stage, string> = {
  kubectl: 'kubectl',
  'api-server': 'kube-apiserver',
  etcd: 'etcd',
  'deployment-controller': 'kube-controller-manager (deployment controller)',
  'replicaset-controller': 'kube-controller-manager (replicaset controller)',
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
  endpoints: 'kube-controller-manager (endpoint controllers)',
  'kube-proxy': 'kube-proxy',
  controller: 'kube-controller-manager',
};

function stageOf(f: Fact): Stage {
  if (isLearner(f.actor)) return 'kubectl';
  if (f.actor === 'deployment-controller') return 'deployment-controller';
  if (f.actor === 'replicaset-controller') return 'replicaset-controller';
  if (f.actor.includes('scheduler')) return 'scheduler';
  if (f.actor === 'kubelet') return 'kubelet';
  if (f.actor.startsWith('endpoint')) return 'endpoints';
  return 'controller';
}

const isEvent = (f: Fact) => baseResource(f.resource).startsWith('events');
const isBackground = (f: Fact) => baseResource(f.resource).startsWith('leases');
const objectOf = (f: Fact): ObjectLink => ({ resource: baseResource(f.resource), namespace: f.namespace, name: f.name });
const qualified = (f: Fact) => `${baseResource(f.resource)} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`;

/** Every object key a write touches or points at: what relates it to a chain. */
function keysOf(f: Fact): string[] {
  const keys = [linkKey(objectOf(f))];
  for (const o of f.owners ?? []) keys.push(linkKey(o));
  if (f.regarding) keys.push(linkKey(f.regarding));
  if (f.service) keys.push(linkKey({ resource: 'services', namespace: f.namespace, name: f.service }));
  for (const p of f.endpointPods ?? []) keys.push(linkKey({ resource: 'pods', namespace: f.namespace, name: p }));
  return keys;
}

function summaryOf(f: Fact, stage: Stage): { summary: string; why: string } {
  const res = baseResource(f.resource);
  const sub = f.resource.includes('/') ? f.resource.slice(f.resource.indexOf('/') + 1) : '';
  if (stage === 'scheduler' && sub === 'binding') return { summary: `binds pod ${f.name} to ${f.node ?? 'a node'}`, why: `${f.node ?? 'The node'} passed the filters and scored best` };
  if (stage === 'kubelet' && sub === 'status') return { summary: `updates status of pod ${f.name}`, why: `reports what the container runtime did on ${f.node ?? 'its node'}` };
  if (stage === 'endpoints') return { summary: `${f.verb}s ${res} ${f.name} (${f.endpointPods?.length ?? 0} pods)`, why: `the pods behind Service ${f.service ?? f.name} changed` };
  if (f.type === 'DELETED') return { summary: `removes ${qualified(f)}`, why: 'its deletion completed' };
  const action = sub === 'status' ? `updates status of ${res} ${f.name}` : `${f.verb}s ${qualified(f)}`;
  const whyOf: Partial<Record<Stage, string>> = {
    'deployment-controller': 'keeps the Deployment\'s ReplicaSets matching its spec',
    'replicaset-controller': 'keeps the number of pods equal to spec.replicas',
    kubectl: 'the command you ran',
  };
  return { summary: action, why: whyOf[stage] ?? `${f.actor} reconciles ${res}` };
}

function stepOf(f: Fact, stage: Stage, n: number): Step {
  const { summary, why } = summaryOf(f, stage);
  return { id: `${f.revision}:${n}`, stage, component: COMPONENT[stage], summary, why, revision: f.revision, time: f.time, object: objectOf(f) };
}

/** The learner's write, then the API server and etcd that every write goes through. */
function rootSteps(f: Fact): Step[] {
  const obj = objectOf(f);
  const verb = f.verb === 'delete' ? 'DELETE' : f.verb === 'create' ? 'POST' : f.verb === 'patch' ? 'PATCH' : 'PUT';
  return [
    { ...stepOf(f, 'kubectl', 0), summary: `sends ${verb} for ${qualified(f)}`, why: 'the command you ran' },
    { id: `${f.revision}:1`, stage: 'api-server', component: COMPONENT['api-server'], summary: `authenticates, admits and validates the ${f.verb} of ${qualified(f)}`, why: 'every write goes through the API server', revision: f.revision, time: f.time, object: obj },
    { id: `${f.revision}:2`, stage: 'etcd', component: COMPONENT.etcd, summary: `stores ${qualified(f)} at revision ${f.revision}`, why: 'etcd is the cluster\'s only state; watchers are told of the change', revision: f.revision, time: f.time, object: obj },
  ];
}

/** kube-proxy writes nothing to the API: its step follows each change of a Service's endpoints. */
function kubeProxyStep(f: Fact): Step {
  return {
    id: `${f.revision}:p`,
    stage: 'kube-proxy',
    component: COMPONENT['kube-proxy'],
    summary: `programs rules for Service ${f.service ?? f.name} on every node (${f.endpointPods?.length ?? 0} endpoints)`,
    why: 'it watches EndpointSlices and rewrites the KUBE-SVC / KUBE-SEP chains',
    revision: f.revision,
    time: f.time,
    object: objectOf(f),
  };
}

/** Events explain the write before them by the same component about the same object. */
function attachEvent(chain: Chain, f: Fact, stage: Stage): boolean {
  const about = f.regarding && linkKey(f.regarding);
  const recent = chain.steps.slice(-8).reverse().filter((s) => s.stage === stage && !s.event);
  // A controller's event is about the object it manages, its write often about a child.
  const step = recent.find((s) => linkKey(s.object) === about) ?? recent[0];
  if (!step) return false;
  step.event = { name: f.name, reason: f.reason, message: f.message };
  if (f.message) step.why = f.message;
  return true;
}

function eventStep(f: Fact, stage: Stage): Step {
  const obj = f.regarding ?? objectOf(f);
  return {
    id: `${f.revision}:e`,
    stage,
    component: COMPONENT[stage],
    summary: `${f.reason ?? 'event'}: ${obj.resource} ${obj.name}`,
    why: f.message ?? '',
    revision: f.revision,
    time: f.time,
    object: obj,
    event: { name: f.name, reason: f.reason, message: f.message },
  };
}

interface Open {
  chain: Chain;
  keys: Set<string>;
}

function addTo(open: Open, f: Fact): void {
  const stage = stageOf(f);
  for (const k of keysOf(f)) open.keys.add(k);
  if (isEvent(f)) {
    // The kubelet's events (Pulling, Pulled, Created, Started) are the steps themselves.
    if (stage === 'kubelet' || !attachEvent(open.chain, f, stage)) open.chain.steps.push(eventStep(f, stage));
    return;
  }
  const steps = stage === 'kubectl' ? rootSteps(f) : [stepOf(f, stage, 0)];
  open.chain.steps.push(...steps);
  if (baseResource(f.resource) === 'endpointslices.discovery.k8s.io') open.chain.steps.push(kubeProxyStep(f));
}

/** Chains in the order their commands ran; facts must be in revision order. */
export function buildTimeline(facts: readonly Fact[], maxChains = 50): Chain[] {
  const open: Open[] = [];
  for (const f of facts) {
    if (isBackground(f)) continue;
    const keys = keysOf(f);
    if (isLearner(f.actor) && !isEvent(f)) {
      const chain: Chain = { id: `c${f.revision}`, title: `${f.verb} ${qualified(f)}`, actor: f.actor, startedAt: f.time, steps: [] };
      open.push({ chain, keys: new Set() });
      addTo(open[open.length - 1], f);
      continue;
    }
    const target = [...open].reverse().find((o) => keys.some((k) => o.keys.has(k)));
    if (target) addTo(target, f);
  }
  return open.slice(-maxChains).map((o) => o.chain);
}

/** The order of a chain's stages by first appearance (what the issue's flow lists). */
export function stageOrder(chain: Chain): Stage[] {
  const seen: Stage[] = [];
  for (const s of chain.steps) if (!seen.includes(s.stage)) seen.push(s.stage);
  return seen;
}
