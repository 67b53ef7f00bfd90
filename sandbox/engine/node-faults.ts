// Faults a lab can inject into a default cluster's nodes. failNode stops a node's kubelet as
// if the machine lost power or its network: no more Lease renewals or node status, pods on it
// frozen as they were (and stuck Terminating if deleted). The node lifecycle controller then
// sees it go Unknown after 40 s and the taint eviction controller evicts its pods 300 s later.
// recoverNode brings the kubelet back: it posts a fresh Ready status and resyncs its pods.
import type { Engine } from './engine.js';
import type { KubeObject } from './objects.js';
import { clusterOf } from './cluster.js';
import { rfc3339 } from './clock.js';
import { leasesRef, nodesRef } from './controllers/refs.js';
import { microTime, NODE_LEASE_NAMESPACE } from './kubelet/node-heartbeat.js';
import { KUBELET } from './kubelet/kubelet.js';

/** The conditions a healthy kubelet posts (as it registered them, see cluster-nodes.ts). */
const HEALTHY: Record<string, [status: string, reason: string, message: string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

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

/** Starts the node's kubelet again: fresh Ready status, Lease renewed, every pod resynced. */
export function recoverNode(engine: Engine, name: string): void {
  const rt = runtimeOf(engine, name);
  if (!rt.stopped) return;
  rt.stopped = false;
  const api = engine.client(KUBELET);
  const now = engine.clock.now();
  const stamp = rfc3339(now);
  const node = api.get(nodesRef(name));
  const conditions = ((node.status as { conditions?: Array<Record<string, string>> }).conditions ?? []).map((c) => {
    const healthy = HEALTHY[c.type];
    if (!healthy) return c;
    const [status, reason, message] = healthy;
    return { ...c, status, reason, message, lastHeartbeatTime: stamp, lastTransitionTime: c.status === status ? c.lastTransitionTime : stamp };
  });
  const updated = api.update(nodesRef(name, 'status'), { ...node, status: { ...(node.status as object), conditions } });
  engine.recordEvent(KUBELET, updated as KubeObject, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, name);
  try {
    const lease = api.get(leasesRef(NODE_LEASE_NAMESPACE, name));
    api.update(leasesRef(NODE_LEASE_NAMESPACE, name), { ...lease, spec: { ...(lease.spec as object), renewTime: microTime(now) } });
  } catch {
    // the heartbeat creates it
  }
  // The kubelet's status manager compares with the API again (the node controller changed Ready).
  for (const rec of Object.values(rt.pods)) {
    delete rec.lastStatus;
    engine.runtime.enqueue(KUBELET, rec.key);
  }
  engine.runtime.enqueue(KUBELET, name);
  engine.runUntilIdle();
}
