// A trace entry with the little of its object the cluster view needs to tie writes together
// (owners, node, the object an Event is about, the pods an endpoint list points at). The
// engine's trace keeps no objects, so the view records these as commits happen.
import type { TraceEntry } from '../engine/engine.js';
import type { KubeObject } from '../engine/objects.js';

export interface ObjectLink {
  resource: string;
  namespace?: string;
  name: string;
}

export interface Fact extends TraceEntry {
  kind?: string;
  owners?: ObjectLink[];
  node?: string;
  /** For Events: the object it is about, and why. */
  regarding?: ObjectLink;
  reason?: string;
  message?: string;
  /** For Endpoints and EndpointSlices: the Service and the pods behind it. */
  service?: string;
  endpointPods?: string[];
}

/** Owner kinds the built-in controllers set, by their resource in the trace's spelling. */
const RESOURCE_OF_KIND: Record<string, string> = {
  Pod: 'pods',
  Node: 'nodes',
  Service: 'services',
  Endpoints: 'endpoints',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  DaemonSet: 'daemonsets.apps',
  StatefulSet: 'statefulsets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  Ingress: 'ingresses.networking.k8s.io',
};

export function resourceOfKind(kind: string | undefined): string {
  return (kind && RESOURCE_OF_KIND[kind]) || `${(kind ?? 'unknown').toLowerCase()}s`;
}

/** The object a trace resource names, without its subresource (`pods/binding` → `pods`). */
export const baseResource = (resource: string): string => resource.split('/')[0];

export const linkKey = (l: ObjectLink): string => `${baseResource(l.resource)}/${l.namespace ?? ''}/${l.name}`;

type Loose = Record<string, unknown> & { metadata?: Record<string, unknown>; spec?: Record<string, unknown> };

function ownersOf(obj: KubeObject): ObjectLink[] | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs?.length) return undefined;
  return refs.map((r) => ({ resource: resourceOfKind(r.kind), namespace: obj.metadata.namespace, name: r.name }));
}

function eventParts(obj: Loose): Pick<Fact, 'regarding' | 'reason' | 'message'> {
  const about = (obj.regarding ?? obj.involvedObject) as { kind?: string; namespace?: string; name?: string } | undefined;
  if (!about?.name) return {};
  return {
    regarding: { resource: resourceOfKind(about.kind), namespace: about.namespace, name: about.name },
    reason: typeof obj.reason === 'string' ? obj.reason : undefined,
    message: typeof (obj.note ?? obj.message) === 'string' ? String(obj.note ?? obj.message) : undefined,
  };
}

function endpointParts(resource: string, obj: Loose): Pick<Fact, 'service' | 'endpointPods'> {
  const pods: string[] = [];
  const add = (a: { targetRef?: { kind?: string; name?: string } }) => {
    if (a.targetRef?.kind === 'Pod' && a.targetRef.name) pods.push(a.targetRef.name);
  };
  if (resource.startsWith('endpointslices')) {
    for (const e of (obj.endpoints as Array<{ targetRef?: { kind?: string; name?: string } }> | undefined) ?? []) add(e);
    const labels = (obj.metadata?.labels ?? {}) as Record<string, string>;
    return { service: labels['kubernetes.io/service-name'], endpointPods: pods };
  }
  for (const s of (obj.subsets as Array<{ addresses?: []; notReadyAddresses?: [] }> | undefined) ?? []) {
    for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) add(a);
  }
  return { service: String(obj.metadata?.name ?? ''), endpointPods: pods };
}

/** What the view keeps of one commit. */
export function factOf(record: TraceEntry, object: KubeObject): Fact {
  const loose = object as unknown as Loose;
  const base = baseResource(record.resource);
  const fact: Fact = { ...record, kind: object.kind };
  const owners = ownersOf(object);
  if (owners) fact.owners = owners;
  if (base === 'pods' && typeof loose.spec?.nodeName === 'string') fact.node = loose.spec.nodeName;
  if (base === 'events' || base === 'events.events.k8s.io') Object.assign(fact, eventParts(loose));
  if (base === 'endpoints' || base === 'endpointslices.discovery.k8s.io') Object.assign(fact, endpointParts(base, loose));
  return fact;
}

const SYSTEM_ACTOR = /controller|scheduler|kubelet|kube-|kubeadm|kubelab|manager|publisher|collector|signer|cleaner|admission|^system:/;

/** Writes a person made (our kubectl, the real kubectl over HTTP), as opposed to components'. */
export const isLearner = (actor: string): boolean => actor.startsWith('kubectl') || !SYSTEM_ACTOR.test(actor);
