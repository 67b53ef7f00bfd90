// The engine a standalone or test sandbox serves: the default lab cluster (nodes, control-plane
// pods, add-ons, controllers) on an injected clock and seeded random source.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { installCluster } from '../engine/cluster.js';
import { Engine } from '../engine/engine.js';
import { isStatusError } from '../engine/api/errors.js';
import type { ResourceRef } from '../engine/api/types.js';
import type { LogOptions, ServedEngine } from './engine-contract.js';
import { podLogs } from './logs.js';
import type { Controller } from '../engine/controllers/runtime-contract.js';
import { garbageCollector } from '../engine/controllers/garbage-collector.js';
import { namespaceController } from '../engine/controllers/namespace-controller.js';
import { resourceQuotaController } from '../engine/controllers/resourcequota-controller.js';
import { rootCAPublisher, serviceAccountController } from '../engine/controllers/serviceaccount-controller.js';

export interface LabEngineOptions {
  /** Simulated time at start (ms since the epoch). */
  now: number;
  seed?: number;
  workers?: number;
}

/** What kube-apiserver creates at start-up: system namespaces and priority classes. */
const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces' };
const PRIORITY_CLASSES = { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' };
const SERVICES = { group: '', version: 'v1', resource: 'services', namespace: 'default' };
const ENDPOINTS = { group: '', version: 'v1', resource: 'endpoints', namespace: 'default' };
/** The control-plane node's address (cluster-nodes.ts: nodeIP(0)) and kube-apiserver's port. */
const APISERVER = { ip: '172.30.1.2', port: 6443 };
const API_LABELS = { component: 'apiserver', provider: 'kubernetes' };
const SYSTEM_OBJECTS: Array<[{ group: string; version: string; resource: string; namespace?: string }, Record<string, unknown>]> = [
  ...['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name): [typeof NAMESPACES, Record<string, unknown>] => [NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }]),
  [PRIORITY_CLASSES, priorityClass('system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.')],
  [PRIORITY_CLASSES, priorityClass('system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.')],
  // The `kubernetes` Service and its Endpoints, kept by kube-apiserver's own controllers.
  [
    SERVICES,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', labels: API_LABELS },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER.port }], sessionAffinity: 'None' },
    },
  ],
  [
    ENDPOINTS,
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: APISERVER.ip }], ports: [{ name: 'https', port: APISERVER.port, protocol: 'TCP' }] }],
    },
  ],
];

function priorityClass(name: string, value: number, description: string): Record<string, unknown> {
  return { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description, preemptionPolicy: 'PreemptLowerPriority' };
}

/** Creates what a previous bootstrap (the engine's own, when it has one) did not. */
function ensureSystemObjects(engine: Engine): void {
  const api = engine.client('kube-apiserver');
  for (const [ref, obj] of SYSTEM_OBJECTS) {
    const name = (obj.metadata as { name: string }).name;
    try {
      api.get({ ...ref, name });
    } catch (err) {
      if (!isStatusError(err) || err.code !== 404) throw err;
      api.create(ref, obj);
    }
  }
}

/** kube-controller-manager's controllers that the cluster module does not (yet) register itself. */
function controlPlaneControllers(): Controller[] {
  return [serviceAccountController(), rootCAPublisher(), garbageCollector(), namespaceController(), resourceQuotaController()];
}

function registerMissing(engine: Engine, controllers: Controller[]): void {
  for (const c of controllers) {
    try {
      engine.registerController(c);
    } catch (err) {
      if (!(err instanceof Error && /already registered/.test(err.message))) throw err;
    }
  }
}

export type LabEngine = Engine & Pick<ServedEngine, 'logs'>;

export function createLabEngine(opts: LabEngineOptions): LabEngine {
  const engine = new Engine({ clock: new ManualClock(opts.now), random: new SeededRandom(opts.seed ?? 1) });
  // Registered first: the controllers see the system namespaces being created.
  registerMissing(engine, controlPlaneControllers());
  ensureSystemObjects(engine);
  installCluster(engine, { clock: engine.clock, random: engine.random, workers: opts.workers });
  engine.runUntilIdle();
  return Object.assign(engine, { logs: (ref: ResourceRef, o: LogOptions) => podLogs(engine, engine.api, ref, o) });
}
