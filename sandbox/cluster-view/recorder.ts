// Follows one engine for the cluster view: records each commit as a Fact (the timeline needs
// owners and event subjects the trace does not keep) and the object's previous version (the
// inspector highlights what changed), and answers the map, the timeline and object details.
// Pure TypeScript: it runs beside the sandbox on the server and inside a lesson's page alike.
import type { ApiClient, ResourceRef } from '../engine/api/types.js';
import type { ChangeEvent, TraceEntry } from '../engine/engine.js';
import type { KubeObject } from '../engine/objects.js';
import { baseResource, factOf, linkKey, type Fact, type ObjectLink } from './facts.js';
import { buildClusterModel, type ClusterModel, type ClusterObjects } from './model.js';
import { buildTimeline, type Chain } from './timeline.js';
import { objectDetail, type ObjectDetail } from './detail.js';

/** What the recorder needs of an Engine. */
export interface ViewSource {
  readonly api: ApiClient;
  onChange(listener: (e: ChangeEvent) => void): unknown;
  trace?(): TraceEntry[];
  readonly clock?: { now(): number };
}

const MAX_FACTS = 4000;
const MAX_VERSIONS = 3000;

const REFS: Record<keyof ClusterObjects, ResourceRef> = {
  nodes: { group: '', version: 'v1', resource: 'nodes' },
  pods: { group: '', version: 'v1', resource: 'pods' },
  replicaSets: { group: 'apps', version: 'v1', resource: 'replicasets' },
  deployments: { group: 'apps', version: 'v1', resource: 'deployments' },
  services: { group: '', version: 'v1', resource: 'services' },
  endpointSlices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' },
  ingresses: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' },
  pvcs: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
};

/** `deployments.apps` → the API reference to read it with. */
export function refOf(link: ObjectLink): ResourceRef {
  const [resource, ...group] = baseResource(link.resource).split('.');
  const g = group.join('.');
  const version = g === '' || g === 'apps' || g === 'batch' || g.endsWith('k8s.io') ? 'v1' : 'v1';
  return { group: g, version, resource, namespace: link.namespace, name: link.name };
}

export class ClusterViewRecorder {
  private facts: Fact[] = [];
  /** The version before the latest of each object, by linkKey. */
  private before = new Map<string, KubeObject | null>();
  private latest = new Map<string, KubeObject>();
  private readonly unsubscribe: () => void;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly source: ViewSource,
    private readonly now: () => number = () => source.clock?.now() ?? 0,
  ) {
    // Writes from before the view started have no objects: they still order the timeline.
    this.facts = (source.trace?.() ?? []).map((t) => ({ ...t }));
    const handle = source.onChange((e) => this.record(e));
    this.unsubscribe = typeof handle === 'function' ? (handle as () => void) : () => {};
  }

  /** Called after every recorded commit (the socket throttles what it sends). */
  onRecorded(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.changeListeners.clear();
  }

  model(): ClusterModel {
    const objects = Object.fromEntries(Object.entries(REFS).map(([k, ref]) => [k, this.list(ref)])) as unknown as ClusterObjects;
    return buildClusterModel(objects, this.now());
  }

  timeline(maxChains?: number): Chain[] {
    return buildTimeline(this.facts, maxChains);
  }

  detail(link: ObjectLink): ObjectDetail {
    const key = linkKey(link);
    let current: KubeObject | undefined;
    try {
      current = this.source.api.get(refOf(link));
    } catch {
      current = undefined;
    }
    const events = this.list({ group: '', version: 'v1', resource: 'events', namespace: link.namespace });
    return objectDetail(link, current ?? this.latest.get(key), this.before.get(key) ?? undefined, events, !current);
  }

  private list(ref: ResourceRef): KubeObject[] {
    try {
      return this.source.api.list(ref).items;
    } catch {
      return []; // a resource this engine does not serve
    }
  }

  private record(e: ChangeEvent): void {
    this.facts.push(factOf(e.record, e.object));
    if (this.facts.length > MAX_FACTS) this.facts.splice(0, this.facts.length - MAX_FACTS);
    if (!baseResource(e.record.resource).startsWith('events') && !baseResource(e.record.resource).startsWith('leases')) this.remember(e);
    for (const l of this.changeListeners) l();
  }

  private remember(e: ChangeEvent): void {
    const key = linkKey({ resource: e.record.resource, namespace: e.record.namespace, name: e.record.name });
    this.before.set(key, this.latest.get(key) ?? null);
    this.latest.delete(key); // re-inserted last: Map order is least recently changed first
    this.latest.set(key, e.object);
    if (this.latest.size > MAX_VERSIONS) {
      const oldest = this.latest.keys().next().value as string;
      this.latest.delete(oldest);
      this.before.delete(oldest);
    }
  }
}
