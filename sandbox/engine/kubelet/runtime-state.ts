// The simulated container runtime's memory per node (what containerd and the kubelet's pod
// workers know that the API does not): images present, the serial image puller's queue, pod
// sandboxes with their IPs, and each container's progress through pull → create → run.
// Plain JSON so an engine snapshot can carry it (see cluster.ts, ClusterRuntime).

export type ContainerPhase = 'new' | 'pulling' | 'pull-failed' | 'pull-backoff' | 'creating' | 'running' | 'dead' | 'crash-backoff' | 'exited' | 'config-error';

export interface TerminatedRecord {
  exitCode: number;
  /** Set when not the usual Completed/Error: 'OOMKilled'. */
  reason?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

/** One probe worker's results for the running instance (kubelet/probes.ts). */
export interface ProbeRecord {
  ok: boolean;
  successes: number;
  failures: number;
  nextAt: number;
}

export interface ContainerRecord {
  name: string;
  image: string;
  phase: ContainerPhase;
  pullQueuedAt?: number;
  pullStartAt?: number;
  pullDoneAt?: number;
  pullError?: string;
  backoffMs?: number;
  backoffUntil?: number;
  /** When the current phase's work completes (creating → running). */
  readyAt?: number;
  startedAt?: number;
  containerID?: string;
  restartCount: number;
  /** When the running process exits by itself (undefined: it serves until stopped). */
  exitAt?: number;
  exitCode?: number;
  /** The last finished instance, shown as lastState (or state, once it will not restart). */
  lastTerminated?: TerminatedRecord;
  /** The instance before that: lastState while the last one is shown as the current state. */
  previousTerminated?: TerminatedRecord;
  /** CrashLoopBackOff: the delay now in force, and when the container starts again. */
  crashBackoffMs?: number;
  restartAt?: number;
  /** Shown as waiting CrashLoopBackOff from the back-off until the next instance starts. */
  crashLoopMessage?: string;
  /** Probe workers of the running instance, and what they say: started (startup), ready (readiness). */
  probes?: Partial<Record<ProbeKind, ProbeRecord>>;
  started?: boolean;
  ready?: boolean;
  readySince?: number;
  /** The kubelet is stopping this instance (a failed liveness/startup probe); it will be restarted. */
  killing?: boolean;
  /** Why the running process will end at exitAt when not by itself: the kernel's OOM killer. */
  exitReason?: string;
  /** CreateContainerConfigError: why the last attempt could not create it (kubelet/container-config.ts). */
  configError?: string;
  /** The environment the running instance was started with (fixed until it restarts). */
  env?: Record<string, string>;
  /** Files of its subPath mounts of configMap/secret volumes, as they were at start. */
  subPaths?: Record<string, string>;
}

export interface PodRecord {
  uid: string;
  key: string;
  seenAt: number;
  sandboxReadyAt: number;
  ip: string;
  containers: ContainerRecord[];
  /** The init containers started so far, in spec order (absent: none yet, or a pod without them). */
  initContainers?: ContainerRecord[];
  killing?: { startedAt: number; doneAt: number };
  /** The status last written, so an unchanged status is not written again. */
  lastStatus?: string;
  /** configMap/secret volumes' files as last synced (refreshed every kubelet sync period). */
  volumes?: Record<string, { syncedAt: number; files: Record<string, string> }>;
  /** emptyDir volumes' files (path inside the volume → content), shared by the pod's containers. */
  emptyDirs?: Record<string, Record<string, string>>;
  /** A volume could not be set up yet: the volume manager's back-off (kubelet/volume-setup.ts). */
  mountRetry?: { delayMs: number; at: number };
  /** Evicted by the eviction manager (kubelet/eviction.ts): the pod stays Failed with this message. */
  evicted?: { message: string; at: number };
}

export interface NodeRuntimeState {
  /** Image references present in the node's image store ('docker.io/library/nginx:latest'). */
  images: string[];
  /** The serial image puller is busy until then. */
  pullerFreeAt: number;
  /** host-local IPAM: the last host number handed out in the node's pod CIDR. */
  lastIpHost: number;
  pods: Record<string, PodRecord>;
  /** The node has failed (node-faults.ts): its kubelet neither heartbeats nor syncs pods. */
  stopped?: boolean;
  /** containerd is stopped since then (node-faults.ts): pods freeze, the node goes NotReady. */
  runtimeDownSince?: number;
  /** When the eviction manager last saw memory.available below its threshold. */
  memoryPressureAt?: number;
  /** When the eviction manager runs its next round (every 10 s). */
  nextEvictionCheckAt?: number;
  /** The node's systemd units (absent until systemctl first looks at them). */
  services?: NodeServicesState;
}

/**
 * systemd's view of the node's services (the shell's systemctl and journalctl): kept here so
 * that a stopped kubelet is still stopped after a snapshot is restored.
 */
export interface NodeServicesState {
  /** When each unit last became active or inactive. */
  since: Record<string, number>;
  stopped: Record<string, boolean>;
  pid: Record<string, number>;
  journal: Record<string, Array<{ at: number; source: string; text: string }>>;
}

export type RuntimeState = Record<string, NodeRuntimeState>;

export function newNodeRuntime(preloadedImages: string[] = []): NodeRuntimeState {
  return { images: [...preloadedImages], pullerFreeAt: 0, lastIpHost: 1, pods: {} };
}

/** host-local IPAM: the next free address after the last one given, wrapping, skipping .0/.1/.255. */
export function allocatePodIP(rt: NodeRuntimeState, podCIDR: string): string {
  const base = podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
  const inUse = new Set(Object.values(rt.pods).map((p) => p.ip));
  for (let i = 0; i < 253; i++) {
    const host = ((((rt.lastIpHost - 2 + 1 + i) % 253) + 253) % 253) + 2; // 2..254
    const ip = `${base}.${host}`;
    if (!inUse.has(ip)) {
      rt.lastIpHost = host;
      return ip;
    }
  }
  throw new Error(`no free IP in ${podCIDR}`);
}

const HEX = '0123456789abcdef';
/** A 64-hex-digit container ID, as containerd makes them, from the injected Random. */
export function newContainerID(random: { next(): number }): string {
  let s = '';
  for (let i = 0; i < 64; i++) s += HEX[Math.floor(random.next() * 16)];
  return s;
}
