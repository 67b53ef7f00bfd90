// Which parts of the control plane run, derived the way a kubeadm cluster derives it: a
// control-plane component runs while its static pod's manifest sits in a kubelet's staticPodPath
// and is usable (parses, names a pullable image, passes flags the binary knows, points at files
// that exist); a node's kubelet runs while its service does. The consequences follow from
// pausing the controllers of a stopped component (the runtime keeps queueing their keys, so they
// catch up when it starts again): no scheduler → pods stay Pending without events; no
// controller manager → no ReplicaSet for a new Deployment; no API server or etcd → clients are
// refused (apiServerReachable) and nothing reconciles.
import { parse } from 'yaml';
import type { Engine } from './engine.js';
import type { KubeObject } from './objects.js';
import type { Controller, ControllerContext } from './controllers/runtime-contract.js';
import { nodesRef } from './controllers/refs.js';
import { resolveImage } from './images/catalogue.js';
import { KUBELET } from './kubelet/kubelet.js';
import { STATIC_POD_PATH, syncStaticPods, type StaticPodError } from './kubelet/static-pods.js';
import { SCHEDULER_NAME } from './scheduler/scheduler.js';
import { nodeFiles, nodeNames, onNodeFileChange, type NodeFiles } from './node-files.js';
import { clusterOf } from './cluster.js';
import { failNode, isNodeFailed, recoverNode } from './node-faults.js';
import { knownFlag } from './component-flags.js';
import { networkOptionsOf } from './network/options.js';

export const CONTROL_PLANE_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];
export type ComponentName = ControlPlaneComponent | 'kubelet' | 'cloud-controller-manager';

/** The controller that turns each node's manifest files into mirror pods (the kubelet's file source). */
export const STATIC_POD_SYNC = 'kubelet-static-pods';
/** Controllers that are not kube-controller-manager's: the scheduler, the kubelets, the cloud's. */
const NOT_KCM = new Set<string>([SCHEDULER_NAME, KUBELET, STATIC_POD_SYNC, 'service-controller']);

export interface ComponentState {
  name: ComponentName;
  /** Where it runs (the node of its static pod, or the kubelet's node). */
  node?: string;
  running: boolean;
  /** Why it does not run: the manifest is gone, broken, or the kubelet service is stopped. */
  reason?: string;
}

interface ManifestCheck {
  component: string;
  ok: boolean;
  reason?: string;
}

interface ParsedManifest {
  component: string;
  image?: string;
  flags: Array<[name: string, value: string]>;
}

/** Parsed manifests by content: every sandbox restored from a template holds the same four files. */
const parsedByContent = new Map<string, ParsedManifest | null>();
const PARSE_CACHE_LIMIT = 64;

function parseManifest(content: string): ParsedManifest | undefined {
  const cached = parsedByContent.get(content);
  if (cached !== undefined) return cached ?? undefined;
  let parsed: ParsedManifest | null = null;
  try {
    const doc = parse(content) as { kind?: string; spec?: { containers?: Array<{ name?: string; image?: string; command?: string[] }> } } | null;
    const c = doc?.kind === 'Pod' ? doc.spec?.containers?.[0] : undefined;
    const binary = c?.command?.[0] ?? c?.name;
    if (c && binary) {
      const flags: Array<[string, string]> = [];
      for (const arg of c.command?.slice(1) ?? []) {
        const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
        if (m) flags.push([m[1], m[2] ?? '']);
      }
      parsed = { component: binary.split('/').pop()!, image: c.image, flags };
    }
  } catch {
    parsed = null; // the kubelet logs a parse error and runs nothing from this file
  }
  if (parsedByContent.size >= PARSE_CACHE_LIMIT) parsedByContent.delete(parsedByContent.keys().next().value!);
  parsedByContent.set(content, parsed);
  return parsed ?? undefined;
}

/** What the kubelet would make of one manifest file, for the component it starts. */
function checkManifest(content: string, files: NodeFiles): ManifestCheck | undefined {
  const m = parseManifest(content);
  if (!m) return undefined;
  const { component } = m;
  if (!m.image || !resolveImage(m.image)) return { component, ok: false, reason: `image ${m.image ?? ''} cannot be pulled` };
  for (const [flag, value] of m.flags) {
    if (!knownFlag(component, flag)) return { component, ok: false, reason: `unknown flag: --${flag}` };
    if (/(file|config|kubeconfig)$/.test(flag) && value.startsWith('/etc/kubernetes/') && files.read(value) === undefined) {
      return { component, ok: false, reason: `open ${value}: no such file or directory` };
    }
  }
  return { component, ok: true };
}

/** Every control-plane component and kubelet, running or not, with the reason. */
export function componentStatus(engine: Engine): ComponentState[] {
  const out: ComponentState[] = [];
  const found = new Map<string, ComponentState>();
  for (const node of nodeNames(engine)) {
    const files = nodeFiles(engine, node)!;
    for (const file of files.list(STATIC_POD_PATH) ?? []) {
      if (file.startsWith('.')) continue;
      const check = checkManifest(files.read(`${STATIC_POD_PATH}/${file}`) ?? '', files);
      if (!check || !(CONTROL_PLANE_COMPONENTS as readonly string[]).includes(check.component)) continue;
      const prior = found.get(check.component);
      if (prior?.running) continue;
      found.set(check.component, { name: check.component as ControlPlaneComponent, node, running: check.ok, ...(check.ok ? {} : { reason: check.reason }) });
    }
  }
  for (const name of CONTROL_PLANE_COMPONENTS) out.push(found.get(name) ?? { name, running: false, reason: `no manifest in ${STATIC_POD_PATH}` });
  // The cloud's controller manager runs as the cloud provider's (no manifest on the node).
  if (networkOptionsOf(engine).cloud) out.push({ name: 'cloud-controller-manager', node: 'controlplane', running: true });
  for (const node of clusterOf(engine)?.nodeNames ?? []) {
    const stopped = isNodeFailed(engine, node);
    out.push({ name: 'kubelet', node, running: !stopped, ...(stopped ? { reason: 'kubelet.service is inactive (dead)' } : {}) });
  }
  return out;
}

const reachable = new WeakMap<object, boolean>();
const reachabilityListeners = new WeakMap<object, Set<(up: boolean) => void>>();

/** Calls listener when clients start or stop reaching the API server (the HTTP front closes its port). */
export function onApiServerReachability(engine: object, listener: (up: boolean) => void): () => void {
  let set = reachabilityListeners.get(engine);
  if (!set) reachabilityListeners.set(engine, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Whether clients reach the API server (kube-apiserver and etcd both running). */
export function apiServerReachable(engine: object): boolean {
  return reachable.get(engine) ?? true;
}

/** Pauses or resumes controllers after a change in which components run. */
export function refreshComponents(engine: Engine): ComponentState[] {
  const status = componentStatus(engine);
  const runs = (name: ComponentName) => status.some((s) => s.name === name && s.running);
  const apiUp = runs('kube-apiserver') && runs('etcd');
  const changed = apiServerReachable(engine) !== apiUp;
  reachable.set(engine, apiUp);
  if (changed) for (const l of [...(reachabilityListeners.get(engine) ?? [])]) l(apiUp);
  for (const name of engine.runtime.controllers) {
    const component = name === SCHEDULER_NAME ? 'kube-scheduler' : NOT_KCM.has(name) ? undefined : 'kube-controller-manager';
    engine.runtime.setPaused(name, !apiUp || (component !== undefined && !runs(component)));
  }
  return status;
}

const MOVED_ASIDE = '/tmp';

/**
 * Stops a component as a learner would: moves its manifest out of staticPodPath (to /tmp), or
 * for `kubelet` stops the node's kubelet service.
 */
export function stopComponent(engine: Engine, name: ComponentName, node?: string): void {
  if (name === 'cloud-controller-manager') throw new Error('the cloud controller manager belongs to the cloud: create the cluster with cloud: false');
  if (name === 'kubelet') {
    if (!node) throw new Error('which node’s kubelet?');
    failNode(engine, node);
  } else {
    const at = node ?? componentStatus(engine).find((s) => s.name === name)?.node ?? 'controlplane';
    const files = nodeFiles(engine, at);
    const content = files?.read(`${STATIC_POD_PATH}/${name}.yaml`);
    if (!files || content === undefined) throw new Error(`no manifest ${STATIC_POD_PATH}/${name}.yaml on ${at}`);
    files.write(`${MOVED_ASIDE}/${name}.yaml`, content);
    files.remove(`${STATIC_POD_PATH}/${name}.yaml`);
  }
  refreshComponents(engine);
}

/** Starts a component stopped by stopComponent (its manifest moved back, or the kubelet service started). */
export function startComponent(engine: Engine, name: ComponentName, node?: string): void {
  if (name === 'cloud-controller-manager') return;
  if (name === 'kubelet') {
    if (!node) throw new Error('which node’s kubelet?');
    recoverNode(engine, node);
  } else {
    const at = node ?? 'controlplane';
    const files = nodeFiles(engine, at);
    const content = files?.read(`${MOVED_ASIDE}/${name}.yaml`);
    if (!files || content === undefined) throw new Error(`no manifest ${MOVED_ASIDE}/${name}.yaml on ${at} to move back`);
    files.write(`${STATIC_POD_PATH}/${name}.yaml`, content);
    files.remove(`${MOVED_ASIDE}/${name}.yaml`);
  }
  refreshComponents(engine);
}

const kubeletLogs = new WeakMap<object, Map<string, StaticPodError[]>>();

/** The kubelet's complaints about the node's manifests from its last sync (for journalctl -u kubelet). */
export function staticPodErrors(engine: object, node: string): StaticPodError[] {
  return kubeletLogs.get(engine)?.get(node) ?? [];
}

/** The kubelet's file source: keys are node names; a node's mirror pods follow its manifest directory. */
class StaticPodSync implements Controller {
  readonly name = STATIC_POD_SYNC;
  readonly watches = [
    { group: '', version: 'v1', resource: 'pods', keysFor: (obj: KubeObject) => (obj.metadata.annotations?.['kubernetes.io/config.mirror'] ? [String((obj.spec as { nodeName?: string }).nodeName)] : []) },
    { group: '', version: 'v1', resource: 'nodes', keysFor: (obj: KubeObject) => [obj.metadata.name!] },
  ];

  constructor(private readonly engine: Engine) {}

  reconcile(node: string, ctx: ControllerContext): void {
    const files = nodeFiles(this.engine, node);
    if (!files || isNodeFailed(this.engine, node)) return;
    let uid: string | undefined;
    try {
      uid = ctx.api.get(nodesRef(node)).metadata.uid;
    } catch {
      return; // not registered (yet)
    }
    const errors = syncStaticPods(ctx.api, files, { node, nodeUid: uid!, now: ctx.clock.now() });
    let logs = kubeletLogs.get(this.engine);
    if (!logs) kubeletLogs.set(this.engine, (logs = new Map()));
    logs.set(node, errors);
  }
}

/** Registers the static-pod source and keeps controllers paused to match the components (createDefaultCluster, restore). */
export function installComponents(engine: Engine): void {
  engine.registerController(new StaticPodSync(engine));
  onNodeFileChange(engine, (node, path) => {
    if (!path.startsWith(`${STATIC_POD_PATH}/`) && !path.startsWith('/etc/kubernetes/')) return;
    engine.runtime.enqueue(STATIC_POD_SYNC, node);
    refreshComponents(engine);
  });
  refreshComponents(engine);
}
