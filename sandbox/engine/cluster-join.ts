// `kubeadm join` on a fresh worker: the node gets kubeadm's worker files (kubelet.conf, pki/ca.crt,
// an empty manifests dir, the CNI config), its kubelet starts with the pre-pulled images and
// registers the Node; the DaemonSets (kube-proxy) then put their pods on it. For the ssh shell's
// `kubeadm join` and for labs that add a node.
import type { Engine } from './engine.js';
import { clusterOf } from './cluster.js';
import { nodeIP, nodeObject } from './cluster-nodes.js';
import { nodesRef } from './controllers/refs.js';
import { newNodeRuntime } from './kubelet/runtime-state.js';
import { preloadedImages } from './kubelet/static-pods.js';
import { KUBELET } from './kubelet/kubelet.js';
import { networkOptionsOf } from './network/options.js';
import { addNodeFiles } from './node-files.js';
import { kubeadmNodeFiles } from './node-files-kubeadm.js';
import { STATIC_POD_SYNC } from './components.js';

/** Joins a new worker node `name` (InternalIP and pod CIDR next in line). Throws if it exists. */
export function joinNode(engine: Engine, name: string): void {
  const h = clusterOf(engine);
  if (!h) throw new Error('not a cluster made by createDefaultCluster');
  if (h.nodeNames.includes(name)) throw new Error(`a Node with name "${name}" already exists in the cluster`);
  const index = h.nodeNames.length;
  h.kubelet.nodes[name] = newNodeRuntime(preloadedImages(h.shape.version));
  addNodeFiles(engine, name, kubeadmNodeFiles({ node: name, controlPlane: false, server: `https://${nodeIP(0)}:6443`, cni: networkOptionsOf(engine).cni }));
  h.nodeNames.push(name);
  const api = engine.client(KUBELET);
  const body = nodeObject(name, index, h.shape, engine.clock.now(), engine.random);
  const created = api.create(nodesRef(), { ...body, status: undefined });
  api.update(nodesRef(name, 'status'), { ...created, status: body.status });
  engine.runtime.enqueue(STATIC_POD_SYNC, name);
  engine.runUntilIdle();
}
