// A default kubeadm-like cluster: one control-plane node (`controlplane`, tainted NoSchedule)
// and `workers` worker nodes (`node01`, `node02`, … as in Killercoda/KodeKloud kubeadm labs),
// the control plane as mirror pods of static pods in kube-system, kube-proxy as a DaemonSet,
// CoreDNS as a Deployment behind the kube-dns Service (10.96.0.10), and the components that
// make it behave: the scheduler, one kubelet per node on a simulated container runtime, and the
// Deployment, ReplicaSet and DaemonSet controllers.
//
// installCluster() needs only what it uses of the Engine (ClusterHost), so it is the seam the
// Engine's createDefaultCluster() and tests share. The kubelets' runtime memory (images on each
// node, containers, pod IPs) and the container logs live outside the API store; clusterOf()
// gives them to whoever serves pods/log or snapshots the sandbox (both plain JSON).
import type { Clock, Random } from './clock.js';
import { ManualClock, SeededRandom } from './clock.js';
import { Engine, type EngineSnapshot } from './engine.js';
import type { Cni, NetworkOptions, ProxyMode } from './network/options.js';
import { installIngressNginx, installNetwork, networkOptionsOf } from './network/index.js';
import { formatLog, LogStore, type LogReadOptions, type LogStoreData } from './kubelet/log-store.js';
import type { RuntimeState } from './kubelet/runtime-state.js';
import type { ApiClient } from './api/types.js';
import type { Controller } from './controllers/runtime-contract.js';
import type { KubeObject } from './objects.js';
import { nodesRef, podsRef } from './controllers/refs.js';
import { Scheduler } from './scheduler/scheduler.js';
import { Kubelets, newKubeletState, type KubeletState } from './kubelet/kubelet.js';
import type { KubeletEventSink } from './kubelet/pod-worker.js';
import { newNodeRuntime } from './kubelet/runtime-state.js';
import { preloadedImages, syncStaticPods } from './kubelet/static-pods.js';
import { nodeFiles, installNodeFiles, nodeFilesState, type NodeFilesState } from './node-files.js';
import { kubeadmNodeFiles } from './node-files-kubeadm.js';
import { installComponents } from './components.js';
import { ReplicaSetController } from './controllers/replicaset.js';
import { DeploymentController } from './controllers/deployment.js';
import { DaemonSetController } from './controllers/daemonset.js';
import { CONTROL_PLANE, DEFAULT_SHAPE, nodeIP, nodeObject, workerName, type ClusterShape } from './cluster-nodes.js';
import { bootstrapControlPlaneObjects, registerControlPlaneControllers } from './bootstrap.js';
import { addonServiceAccounts, coreDnsObjects, kubeProxyObjects } from './cluster-addons.js';
import { JobController } from './controllers/job.js';
import { TTLAfterFinishedController } from './controllers/ttl-after-finished.js';
import { CronJobController } from './controllers/cronjob.js';
import { NodeLifecycleController } from './controllers/node-lifecycle.js';
import { TaintEvictionController } from './controllers/taint-eviction.js';
import { EndpointsController } from './controllers/endpoints.js';
import { EndpointSliceController } from './controllers/endpointslice.js';
import { StatefulSetController } from './controllers/statefulset.js';
import { localPathStorageClass, PersistentVolumeController } from './controllers/persistentvolume.js';
import { HorizontalPodAutoscalerController } from './controllers/hpa.js';
import { ReplicationControllerController } from './controllers/replicationcontroller.js';
import { StorageProtectionController } from './controllers/storage-protection.js';

export interface ClusterOptions {
  clock: Clock;
  random: Random;
  /** Worker nodes (default 2). */
  workers?: number;
  /** Kubernetes version the nodes and control plane report (default v1.32.1). */
  version?: string;
  /** The CNI plugin installed (default calico): its config in /etc/cni/net.d, whether NetworkPolicy is enforced. */
  cni?: Cni;
  /** kube-proxy's mode (default iptables). */
  kubeProxyMode?: ProxyMode;
}

/** The part of the Engine a cluster is installed into. */
export interface ClusterHost {
  /** An API client whose writes are attributed to `actor` in the trace. */
  client(actor: string): ApiClient;
  registerController(c: Controller): void;
  /** Records an Event as `component` on `host` (the kubelet's events name their node). */
  recordEvent?(component: string, regarding: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, host?: string): void;
}

/** What the cluster keeps beside the API store. */
export interface ClusterHandles {
  shape: ClusterShape;
  /** Per-node runtime state and container logs (kubelet/runtime-state.ts, kubelet/log-store.ts). */
  kubelet: KubeletState;
  nodeNames: string[];
  /** Each node's files (node-files.ts), installed on the engine by createDefaultCluster. */
  files: NodeFilesState;
}

const handles = new WeakMap<object, ClusterHandles>();

/** The cluster parts of an engine made by installCluster / createDefaultCluster. */
export function clusterOf(host: object): ClusterHandles | undefined {
  return handles.get(host);
}

/**
 * A container's log for the pods/log subresource: undefined when that container (or, with
 * `previous`, its previous instance) has not run on this cluster's runtime. Callers turn that
 * into the API server's errors (container not found / waiting to start / previous terminated).
 */
export function containerLogs(host: object, pod: KubeObject, container: string, opts: LogReadOptions & { timestamps?: boolean } = {}): string | undefined {
  const h = handles.get(host);
  if (!h || !pod.metadata.uid) return undefined;
  const statuses = ((pod.status as { containerStatuses?: Array<{ name: string; restartCount?: number }> } | undefined)?.containerStatuses ?? []);
  const restart = statuses.find((c) => c.name === container)?.restartCount ?? 0;
  const lines = h.kubelet.logs.read(pod.metadata.uid, container, restart, opts);
  return lines && formatLog(lines, opts.timestamps);
}

/** The controllers that make a cluster behave, sharing one kubelet state. */
export function clusterControllers(kubelet: KubeletState, emit?: KubeletEventSink): Controller[] {
  return [
    new Scheduler(), new Kubelets(kubelet, emit), new ReplicaSetController(), new DeploymentController(), new DaemonSetController(),
    new JobController(),
    new TTLAfterFinishedController(),
    new CronJobController(),
    new NodeLifecycleController(),
    new TaintEvictionController(),
    new EndpointsController(),
    new EndpointSliceController(),
    new StatefulSetController(),
    new PersistentVolumeController(),
    new HorizontalPodAutoscalerController(),
    new ReplicationControllerController(),
    new StorageProtectionController(),
  ];
}

function createAll(api: ApiClient, objects: Array<Record<string, unknown>>): void {
  for (const obj of objects) {
    const meta = obj.metadata as { namespace?: string };
    const [group, version] = String(obj.apiVersion).includes('/') ? String(obj.apiVersion).split('/') : ['', String(obj.apiVersion)];
    const resource = `${String(obj.kind).toLowerCase()}s`; // ConfigMap, DaemonSet, Deployment, Service, ServiceAccount
    api.create({ group, version, resource, namespace: meta.namespace }, obj);
  }
}

/**
 * Creates the cluster's objects through the API and registers its components. Expects the
 * bootstrap objects (bootstrap.ts: namespaces incl. kube-system and kube-node-lease, default
 * service accounts, the system priority classes, the kubernetes Service) to exist already.
 * Components then bring the pods up on simulated time.
 */
export function installCluster(host: ClusterHost, opts: ClusterOptions): ClusterHandles {
  const shape: ClusterShape = { ...DEFAULT_SHAPE, workers: opts.workers ?? DEFAULT_SHAPE.workers, version: opts.version ?? DEFAULT_SHAPE.version };
  const now = opts.clock.now();
  const kubelet = newKubeletState();
  const nodeNames = [CONTROL_PLANE, ...Array.from({ length: shape.workers }, (_, i) => workerName(i + 1))];
  // Components first, so that they see every object below being created.
  const emit: KubeletEventSink | undefined = host.recordEvent ? (regarding, type, reason, message, node) => host.recordEvent!('kubelet', regarding, type, reason, message, node) : undefined;
  for (const c of clusterControllers(kubelet, emit)) host.registerController(c);
  const kubeletApi = host.client('kubelet');
  const nodes: KubeObject[] = nodeNames.map((name, i) => {
    kubelet.nodes[name] = newNodeRuntime(preloadedImages(shape.version));
    // A kubelet registers its Node, then reports its status through nodes/status.
    const body = nodeObject(name, i, shape, now, opts.random);
    const created = kubeletApi.create(nodesRef(), { ...body, status: undefined });
    return kubeletApi.update(nodesRef(name, 'status'), { ...created, status: body.status });
  });
  const files: NodeFilesState = {};
  nodeNames.forEach((name, i) => {
    const manifests = i === 0 ? { node: name, nodeUid: nodes[0].metadata.uid!, advertiseAddress: nodeIP(0), version: shape.version, now, random: opts.random } : undefined;
    files[name] = kubeadmNodeFiles({ node: name, controlPlane: i === 0, server: `https://${nodeIP(0)}:6443`, cni: opts.cni ?? 'calico', manifests });
  });
  // The kubelet posts a mirror pod for each manifest in its staticPodPath (kubeadm's control plane).
  const disk = { files };
  installNodeFiles(disk, files);
  nodeNames.forEach((name, i) => syncStaticPods(kubeletApi, nodeFiles(disk, name)!, { node: name, nodeUid: nodes[i].metadata.uid!, now }));
  createAll(host.client('kubeadm'), [...addonServiceAccounts(), ...kubeProxyObjects(shape.version, opts.kubeProxyMode), ...coreDnsObjects()]);
  host.client('kubectl').create({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, localPathStorageClass()); // local-path-provisioner's class
  const h: ClusterHandles = { shape, kubelet, nodeNames, files };
  handles.set(host, h);
  return h;
}


export interface DefaultClusterOptions extends ClusterOptions {
  clock: ManualClock;
  random: SeededRandom;
  /**
   * A cloud (cloud-controller-manager's service controller) that gives LoadBalancer Services an
   * external IP. Default false: EXTERNAL-IP stays <pending>, as on kubeadm.
   */
  cloud?: boolean;
  /** Install ingress-nginx (its bare-metal manifest: NodePort Service, IngressClass nginx). Default none. */
  ingressController?: 'nginx';
  /** Run the cluster this long before handing it over (kube-system Running takes ~2 s). Default 0. */
  settleMs?: number;
}

/** What the cluster keeps beside the store, as the engine snapshots it (component `cluster`). */
export interface ClusterState {
  shape: ClusterShape;
  nodeNames: string[];
  runtime: RuntimeState;
  logs: LogStoreData;
  /** CNI, kube-proxy mode, cloud (absent in snapshots made before clusters had network options). */
  network?: NetworkOptions;
}

/** An engine snapshot of a default cluster (older snapshots carry the cluster state at the top). */
export interface ClusterSnapshot extends EngineSnapshot {
  cluster?: ClusterState;
}

const CLUSTER_STATE = 'cluster';
const NODE_FILES_STATE = 'node-files';

function hostOf(engine: Engine): ClusterHost {
  return { client: (a) => engine.client(a), registerController: (c) => engine.registerController(c), recordEvent: (...a) => engine.recordEvent(...a) };
}

function registerClusterState(engine: Engine, h: ClusterHandles): void {
  engine.registerState(CLUSTER_STATE, {
    snapshot: (): ClusterState => ({ shape: h.shape, nodeNames: [...h.nodeNames], runtime: h.kubelet.nodes, logs: h.kubelet.logs.data, network: networkOptionsOf(engine) }),
  });
  installNodeFiles(engine, h.files);
  engine.registerState(NODE_FILES_STATE, { snapshot: () => nodeFilesState(engine) });
}

/** Node files for a snapshot made before nodes had files: what kubeadm wrote (no random drawn from the engine's). */
function filesOfOlderSnapshot(engine: Engine, state: ClusterState): NodeFilesState {
  const files: NodeFilesState = {};
  state.nodeNames.forEach((name, i) => {
    const uid = engine.api.list(nodesRef(), { fieldSelector: `metadata.name=${name}` }).items[0]?.metadata.uid ?? '';
    const manifests = i === 0 ? { node: name, nodeUid: uid, advertiseAddress: nodeIP(0), version: state.shape.version, now: engine.clock.now(), random: new SeededRandom(0) } : undefined;
    files[name] = kubeadmNodeFiles({ node: name, controlPlane: i === 0, server: `https://${nodeIP(0)}:6443`, cni: 'calico', manifests });
  });
  return files;
}

/**
 * A fresh default cluster (see the top of this file). Node names: controlplane, node01, node02…
 * Components start at once; kube-system is Running after ~2 s of simulated time.
 */
export function createDefaultCluster(opts: DefaultClusterOptions): Engine {
  const engine = new Engine({ clock: opts.clock, random: opts.random });
  registerControlPlaneControllers(engine);
  bootstrapControlPlaneObjects(engine, { apiServerAddress: nodeIP(0) });
  const h = installCluster(hostOf(engine), opts);
  handles.set(engine, h);
  registerClusterState(engine, h);
  installNetwork(engine, { cni: opts.cni ?? 'calico', proxyMode: opts.kubeProxyMode ?? 'iptables', cloud: opts.cloud ?? false });
  installComponents(engine);
  if (opts.ingressController === 'nginx') installIngressNginx(engine.client('kubectl'));
  engine.runUntilIdle();
  if (opts.settleMs) engine.advance(opts.settleMs);
  return engine;
}

/** Rebuilds a cluster from createDefaultCluster's engine.snapshot(): store, queues and runtime state. */
export function restoreDefaultCluster(s: ClusterSnapshot, deps: { clock?: ManualClock; random?: SeededRandom } = {}): Engine {
  const engine = Engine.restore(s, deps);
  registerControlPlaneControllers(engine);
  const state = (engine.restoredState(CLUSTER_STATE) as ClusterState | undefined) ?? s.cluster;
  if (!state) throw new Error('not a snapshot of a default cluster: it has no cluster state');
  const kubelet: KubeletState = { nodes: JSON.parse(JSON.stringify(state.runtime)), logs: new LogStore(JSON.parse(JSON.stringify(state.logs))) };
  const host = hostOf(engine);
  const emit: KubeletEventSink = (regarding, type, reason, message, node) => host.recordEvent!('kubelet', regarding, type, reason, message, node);
  for (const c of clusterControllers(kubelet, emit)) engine.registerController(c);
  const savedFiles = engine.restoredState(NODE_FILES_STATE) as NodeFilesState | undefined;
  const files = savedFiles ? (JSON.parse(JSON.stringify(savedFiles)) as NodeFilesState) : filesOfOlderSnapshot(engine, state);
  const h: ClusterHandles = { shape: state.shape, kubelet, nodeNames: state.nodeNames, files };
  handles.set(engine, h);
  registerClusterState(engine, h);
  installNetwork(engine, state.network ?? { cni: 'calico', proxyMode: 'iptables', cloud: false });
  installComponents(engine);
  return engine;
}
