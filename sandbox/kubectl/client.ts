// How kubectl reaches a cluster. The same commands run against the learner's engine in-process
// and against any API server over HTTP (as the real kubectl does), so every call is async and
// tables come from the server's Table conversion in both cases.
import { findResource } from '../engine/api/resources.js';
import { toTable } from '../engine/api/table/index.js';
import type { ApiClient, DeleteOptions, DeleteResult, ListOptions, ObjectList, PatchType, ResourceRef, WatchEvent, WatchOptions, WriteOptions } from '../engine/api/types.js';
import { SeededRandom, type Clock, type Random } from '../engine/clock.js';
import type { KubeObject } from '../engine/objects.js';
import { metricsAvailable, nodeMetrics, podMetrics } from '../engine/metrics/index.js';
import { execInContainer, execTarget, type ExecOutcome, type ExecStreams } from '../engine/exec/index.js';
import type { TableLike } from './printers/table.js';
import { readPodLog } from './pod-log.js';
import { apiGroupList, apiResourceList } from '../apiserver/discovery.js';
import { SERVER_VERSION } from '../apiserver/info.js';
import { apiServerReachable } from '../engine/components.js';
import { BareError } from './host.js';

/** One API resource as legacy discovery (APIResourceList) describes it. */
export interface DiscoveredResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  group?: string;
  version?: string;
}
export interface DiscoveryGroup {
  group: string;
  preferredVersion: string;
  versions: Array<{ version: string; resources: DiscoveredResource[] }>;
}
export type ServerVersion = typeof SERVER_VERSION;
export type TableResult = TableLike & { metadata?: { resourceVersion?: string } };

export interface KubeClient {
  create(ref: ResourceRef, body: unknown, opts?: WriteOptions): Promise<KubeObject>;
  get(ref: ResourceRef): Promise<KubeObject>;
  list(ref: ResourceRef, opts?: ListOptions): Promise<ObjectList>;
  update(ref: ResourceRef, body: unknown, opts?: WriteOptions): Promise<KubeObject>;
  patch(ref: ResourceRef, type: PatchType, patch: unknown, opts?: WriteOptions): Promise<KubeObject>;
  delete(ref: ResourceRef, opts?: DeleteOptions): Promise<DeleteResult>;
  /** Starts a watch; resolves once it is established. */
  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<{ stop(): void }>;
  /** A list (or one object, with ref.name) as a server-side Table. */
  table(ref: ResourceRef, opts?: ListOptions): Promise<TableResult>;
  /** A watch whose events carry one-row Tables (what `get -w` prints). */
  watchTable(ref: ResourceRef, opts: WatchOptions, onEvent: (e: { type: string; object: TableResult | KubeObject }) => void): Promise<{ stop(): void }>;
  /** The server's groups, versions and resources (legacy discovery). */
  discovery(): Promise<DiscoveryGroup[]>;
  /** GET /version. */
  version(): Promise<ServerVersion>;
  /** The API server's address, as the kubeconfig names it (`cluster-info`). */
  serverUrl: string;
  /** pods/log: the container's log as the API server answers `GET …/pods/x/log` (absent: not served). */
  logs?(ref: ResourceRef, opts: PodLogOptions): Promise<string>;
  /** pods/exec: runs a command in a container; resolves when the process ends. */
  exec?(ref: ResourceRef, opts: PodExecOptions, streams: ExecStreams): Promise<ExecOutcome>;
  /** metrics.k8s.io NodeMetrics/PodMetrics; undefined when the Metrics API is not served. */
  metrics?(resource: 'nodes' | 'pods', opts: { namespace?: string; labelSelector?: string }): Promise<KubeObject[] | undefined>;
}

export interface PodLogOptions {
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
}

export interface PodExecOptions {
  container?: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
}

export type { ExecOutcome, ExecStreams };

/**
 * kubectl against the learner's own engine, without HTTP. `cluster` (the engine installCluster
 * set up) serves pods/log and pods/exec from its kubelets, as the API server does over HTTP.
 */
export function inProcessClient(api: ApiClient, clock: Clock, cluster?: object): KubeClient {
  const client = reachableClient(api, clock, cluster);
  return cluster ? refusedWhileDown(client, cluster) : client;
}

/** Where `controlplane` resolves (the control-plane node's InternalIP, cluster-nodes.ts). */
export const IN_PROCESS_DIAL_ADDRESS = '172.30.1.2:6443';

/**
 * A refused connection, printed as kubectl's checkErr prints it. Commands that word it their own
 * way (create's `failed to create deployment: Post "…": dial tcp …: connect: connection refused`,
 * the memcache.go discovery lines before it, version's client lines) have the server and address here.
 */
export class ConnectionRefusedError extends BareError {
  constructor(
    readonly server: string,
    readonly dialAddress: string,
  ) {
    super(`The connection to the server ${new URL(server).host} was refused - did you specify the right host or port?`);
  }

  /** Go's url.Error text for a request to `url`: `Get "…": dial tcp 172.30.1.2:6443: connect: connection refused`. */
  requestError(method: string, url: string): string {
    return `${method} "${url}": dial tcp ${this.dialAddress}: connect: connection refused`;
  }
}

/**
 * What kubectl gets from a cluster whose kube-apiserver or etcd is down: every call fails with
 * kubectl's message for a refused connection (helpers.go StandardErrorMessage).
 */
function refusedWhileDown(client: KubeClient, cluster: object): KubeClient {
  const refuse = <A extends unknown[], R>(f: ((...a: A) => Promise<R>) | undefined) =>
    f &&
    (async (...a: A): Promise<R> => {
      if (!apiServerReachable(cluster)) throw new ConnectionRefusedError(IN_PROCESS_SERVER, IN_PROCESS_DIAL_ADDRESS);
      return f(...a);
    });
  const out = { ...client } as Record<string, unknown>;
  for (const [k, v] of Object.entries(client)) if (typeof v === 'function') out[k] = refuse(v as (...a: unknown[]) => Promise<unknown>);
  return out as unknown as KubeClient;
}

function reachableClient(api: ApiClient, clock: Clock, cluster?: object): KubeClient {
  const typeOf = (ref: ResourceRef) => {
    const t = findResource(ref.group, ref.version, ref.resource);
    if (!t) throw new Error(`unknown resource ${ref.resource}`);
    return t;
  };
  const tableOf = (ref: ResourceRef, obj: KubeObject) => toTable(typeOf(ref), [obj], { now: clock.now(), resourceVersion: obj.metadata.resourceVersion ?? '' });
  return {
    serverUrl: IN_PROCESS_SERVER,
    create: async (ref, body, opts) => api.create(ref, body, opts),
    get: async (ref) => api.get(ref),
    list: async (ref, opts) => api.list(ref, opts),
    update: async (ref, body, opts) => api.update(ref, body, opts),
    patch: async (ref, type, patch, opts) => api.patch(ref, type, patch, opts),
    delete: async (ref, opts) => api.delete(ref, opts),
    watch: async (ref, opts, onEvent) => api.watch(ref, opts, onEvent),
    watchTable: async (ref, opts, onEvent) =>
      api.watch(ref, opts, (e) => onEvent(e.type === 'ERROR' || e.type === 'BOOKMARK' ? (e as { type: string; object: KubeObject }) : { type: e.type, object: tableOf(ref, e.object as KubeObject) })),
    discovery: async () => inProcessDiscovery(),
    version: async () => ({ ...SERVER_VERSION }),
    table: async (ref, opts) => {
      if (ref.name) return tableOf(ref, api.get(ref));
      const list = api.list(ref, opts);
      return toTable(typeOf(ref), list.items, { now: clock.now(), resourceVersion: list.metadata.resourceVersion });
    },
    ...(cluster ? podStreams(api, cluster, clock) : {}),
  };
}

/** The learner's cluster as its kubeconfig names it (a kubeadm control plane). */
export const IN_PROCESS_SERVER = 'https://controlplane:6443';

function inProcessDiscovery(): DiscoveryGroup[] {
  const groups = [{ name: '', versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } }, ...apiGroupList().groups];
  return groups.map((g) => ({
    group: g.name,
    preferredVersion: g.preferredVersion.version,
    versions: g.versions.map(({ version }) => ({ version, resources: apiResourceList(g.name, version).resources as unknown as DiscoveredResource[] })),
  }));
}

function podStreams(api: ApiClient, cluster: object, clock: Clock): Pick<KubeClient, 'logs' | 'exec' | 'metrics'> {
  return {
    metrics: async (resource, opts) => {
      if (!metricsAvailable(api)) return undefined;
      return resource === 'nodes' ? nodeMetrics(api, clock.now()) : podMetrics(api, clock.now(), opts.namespace, opts.labelSelector);
    },
    logs: async (ref, opts) => readPodLog(cluster, api, ref, opts),
    exec: async (ref, opts, streams) => {
      const { pod, container } = execTarget(api, ref, opts.container);
      // The network lets wget/curl/nc in the container make requests from the pod (NetworkPolicy applies).
      const random = (cluster as { random?: Random }).random ?? new SeededRandom(1);
      return execInContainer(api, pod, container, opts.command, { ...streams, stdin: opts.stdin ? streams.stdin : undefined, tty: opts.tty }, { api, clock, random, cluster });
    },
  };
}
