// Faults a lab can inject into a default cluster's nodes. failNode stops a node's kubelet as
// if the machine lost power or its network: no more Lease renewals or node status, pods on it
// frozen as they were (and stuck Terminating if deleted). The node lifecycle controller then
// sees it go Unknown after 40 s and the taint eviction controller evicts its pods 300 s later.
// recoverNode brings the kubelet back: it posts a fresh Ready status and resyncs its pods.
// stopContainerRuntime stops containerd only: the node stays reachable but goes NotReady.
import type { Engine } from './engine.js';
import { clusterOf } from './cluster.js';
import { KUBELET } from './kubelet/kubelet.js';
import { objectKey } from './controllers/runtime-contract.js';

function runtimeOf(engine: Engine, name: string) {
  const h = clusterOf(engine);
  if (!h) throw new Error('not a cluster made by createDefaultCluster');
  const rt = h.kubelet.nodes[name];
  if (!rt || !h.nodeNames.includes(name)) throw new Error(`no node ${name} in this cluster`);
  return rt;
}

export function isNodeFailed(engine: Engine, name: string): boolean {
  return !!runtimeOf(engine, name).stopped;
}

/** Stops the node's kubelet (power or network loss); the control plane notices on its own. */
export function failNode(engine: Engine, name: string): void {
  runtimeOf(engine, name).stopped = true;
}

/** Starts the node's kubelet again: it renews its Lease, posts its own conditions and resyncs every pod. */
export function recoverNode(engine: Engine, name: string): void {
  const rt = runtimeOf(engine, name);
  if (!rt.stopped) return;
  rt.stopped = false;
  resync(engine, name);
}

export function isContainerRuntimeDown(engine: Engine, name: string): boolean {
  return runtimeOf(engine, name).runtimeDownSince !== undefined;
}

/**
 * Stops containerd on the node: the kubelet keeps renewing its Lease (the node stays reachable)
 * but its pod workers cannot reach the runtime, and after maxWaitForContainerRuntime it reports
 * Ready=False "container runtime is down" (kubelet/node-conditions.ts).
 */
export function stopContainerRuntime(engine: Engine, name: string): void {
  const rt = runtimeOf(engine, name);
  if (rt.runtimeDownSince !== undefined) return;
  rt.runtimeDownSince = engine.clock.now();
  engine.runtime.enqueue(KUBELET, name);
  engine.runUntilIdle();
}

/** Starts containerd again: the kubelet reports Ready at its next status check and resyncs its pods. */
export function startContainerRuntime(engine: Engine, name: string): void {
  const rt = runtimeOf(engine, name);
  if (rt.runtimeDownSince === undefined) return;
  delete rt.runtimeDownSince;
  resync(engine, name);
}

/** The kubelet's status manager compares every pod with the API again; its node status follows. */
function resync(engine: Engine, name: string): void {
  const rt = runtimeOf(engine, name);
  for (const rec of Object.values(rt.pods)) delete rec.lastStatus;
  // Every pod bound to the node, also those it could not admit while it was away.
  for (const pod of engine.api.list({ group: '', version: 'v1', resource: 'pods' }).items) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName === name) engine.runtime.enqueue(KUBELET, objectKey(pod));
  }
  engine.runtime.enqueue(KUBELET, name);
  engine.runUntilIdle();
}
