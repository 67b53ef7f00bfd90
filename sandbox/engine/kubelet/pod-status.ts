// The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus), computed from the
// runtime's records: phase, the five conditions with their transition times, IPs, QoS class and
// one containerStatus per container.
import type { Container, ContainerStatus, Node, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock.js';
import { imageId, resolveImage } from '../images/catalogue.js';
import { normalizedImage, parseImageRef } from '../images/reference.js';
import type { ContainerRecord, PodRecord, TerminatedRecord } from './runtime-state.js';
import { evictedStatus } from './eviction.js';

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return ['cpu', 'memory'].every((k) => l[k] !== undefined && (r[k] === undefined || String(r[k]) === String(l[k])));
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function terminated(t: TerminatedRecord): NonNullable<ContainerStatus['state']>['terminated'] {
  return { containerID: `containerd://${t.containerID}`, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt), reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'), startedAt: rfc3339(t.startedAt) };
}

/**
 * A container the runtime has not created yet waits as `ContainerCreating`, or as
 * `PodInitializing` in a pod with init containers (the kubelet's default waiting state).
 */
type DefaultWaiting = 'ContainerCreating' | 'PodInitializing';

function waitingState(rec: ContainerRecord, fallback: DefaultWaiting): { reason: string; message?: string } {
  // The last sync's error stays the reason until a retry creates the container.
  if (rec.configError) return { reason: 'CreateContainerConfigError', message: rec.configError };
  switch (rec.phase) {
    case 'pull-failed':
      return { reason: 'ErrImagePull', message: rec.pullError };
    case 'pull-backoff':
      return { reason: 'ImagePullBackOff', message: `Back-off pulling image ${JSON.stringify(rec.image)}: ErrImagePull: ${rec.pullError}` };
    default:
      return { reason: fallback };
  }
}

function containerState(rec: ContainerRecord | undefined, fallback: DefaultWaiting): ContainerStatus['state'] {
  // The sync that restarts after a back-off pulls, creates and starts in one go: until then it still reads CrashLoopBackOff.
  if (rec?.crashLoopMessage) return { waiting: { reason: 'CrashLoopBackOff', message: rec.crashLoopMessage } };
  if (rec?.phase === 'running') return { running: { startedAt: rfc3339(rec.startedAt!) } };
  // Ended for good, or between an exit and the next instance: the last instance is the state.
  if (rec?.phase === 'exited' || rec?.phase === 'dead' || (rec?.lastTerminated && (rec.phase === 'new' || rec.phase === 'pulling' || rec.phase === 'creating'))) return { terminated: terminated(rec.lastTerminated!) };
  return { waiting: rec ? waitingState(rec, fallback) : { reason: fallback } };
}

function containerStatus(c: Container, rec: ContainerRecord | undefined, fallback: DefaultWaiting = 'ContainerCreating'): ContainerStatus {
  const running = rec?.phase === 'running';
  const hasRun = running || rec?.lastTerminated !== undefined;
  const resolved = hasRun ? resolveImage(c.image!) : undefined;
  const showsLast = rec?.phase === 'running' || rec?.crashLoopMessage !== undefined;
  const previous = showsLast ? rec?.lastTerminated : rec?.previousTerminated;
  const lastState = previous ? { terminated: terminated(previous) } : {};
  const status: ContainerStatus = {
    image: resolved ? normalizedImage(parseImageRef(c.image!)) : c.image!,
    imageID: resolved ? imageId(resolved) : '',
    lastState,
    name: c.name,
    ready: running && (rec?.ready ?? true),
    restartCount: rec?.restartCount ?? 0,
    started: running && (rec?.started ?? true),
    state: containerState(rec, fallback),
  };
  const id = running ? rec!.containerID : rec?.lastTerminated?.containerID;
  if (id) status.containerID = `containerd://${id}`;
  if (c.volumeMounts?.length) {
    status.volumeMounts = c.volumeMounts.map((m) => {
      const v: NonNullable<ContainerStatus['volumeMounts']>[number] = { mountPath: m.mountPath, name: m.name };
      if (m.readOnly) {
        v.readOnly = true;
        v.recursiveReadOnly = 'Disabled';
      }
      return v;
    });
  }
  return status;
}

function condition(type: string, ok: boolean, since: number, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(since), status: ok ? 'True' : 'False', type };
  if (!ok && reason) c.reason = reason;
  if (!ok && message) c.message = message;
  return c;
}

/** Keeps a condition's lastTransitionTime when its status did not change. */
function keepTransition(next: PodCondition, old: PodCondition[] | undefined): PodCondition {
  const prev = old?.find((c) => c.type === next.type);
  return prev && prev.status === next.status ? { ...next, lastTransitionTime: prev.lastTransitionTime } : next;
}

const notReadyReason = (phase: string) => (phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed');

/**
 * Running while a container (or a sidecar) runs or restarts after having run; Succeeded/Failed
 * once all ended for good and the sidecars were stopped.
 */
function podPhase(rec: PodRecord, statuses: ContainerStatus[], sidecars: ContainerStatus[]): string {
  if ([...statuses, ...sidecars].some((s) => s.state?.running)) return 'Running';
  const ended = rec.containers.length === statuses.length && rec.containers.every((c) => c.phase === 'exited');
  if (statuses.length > 0 && ended) return statuses.every((s) => s.state!.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
  if (statuses.some((s) => s.restartCount || s.state?.terminated)) return 'Running';
  return 'Pending';
}

/**
 * The prober's view of init containers: ready once they exited 0 (a sidecar, once running and
 * ready), started only while running.
 */
function initContainerStatus(c: Container, rec: ContainerRecord | undefined): ContainerStatus {
  const status = containerStatus(c, rec, 'PodInitializing');
  if (c.restartPolicy !== 'Always') status.ready = status.state?.terminated?.exitCode === 0;
  return status;
}

function finishedEarlier(c: Container, rec: PodRecord): ContainerStatus {
  const at = rfc3339(rec.seenAt);
  return { image: c.image!, imageID: '', lastState: {}, name: c.name, ready: true, restartCount: 0, started: false, state: { terminated: { exitCode: 0, finishedAt: at, reason: 'Completed', startedAt: at } } };
}

/** Init containers all done (exited 0, or a sidecar started)? Else the incomplete ones' names. */
function incompleteInit(pod: Pod, statuses: ContainerStatus[]): string[] {
  return (pod.spec?.initContainers ?? [])
    .filter((c, i) => {
      const s = statuses[i];
      if (c.restartPolicy === 'Always' && s.started) return false;
      return s.state?.terminated?.exitCode !== 0;
    })
    .map((c) => c.name);
}

/** kubelet getPhase: Pending while initializing; Failed when an init container failed for good. */
function initPhase(pod: Pod, rec: PodRecord, incomplete: string[]): string | undefined {
  // Once an app container has started, the pod is past initialization (HasAnyRegularContainerStarted).
  if (!incomplete.length || rec.containers.some((c) => c.startedAt !== undefined)) return undefined;
  const failed = (rec.initContainers ?? []).some((c) => c.phase === 'exited' && c.lastTerminated?.exitCode !== 0);
  return failed && pod.spec?.restartPolicy === 'Never' ? 'Failed' : 'Pending';
}

/** GeneratePodInitializedCondition: True once every init container is done or an app container ran. */
function initializedCondition(pod: Pod, rec: PodRecord, incomplete: string[], phase: string, now: number): PodCondition {
  if (!pod.spec?.initContainers?.length) return condition('Initialized', true, rec.seenAt);
  const appRan = rec.containers.some((c) => c.startedAt !== undefined);
  if (phase === 'Succeeded') return { ...condition('Initialized', true, now), reason: 'PodCompleted' };
  if (appRan || !incomplete.length) return condition('Initialized', true, now);
  return condition('Initialized', false, now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
}

export function computePodStatus(pod: Pod, rec: PodRecord, node: Node, now: number): PodStatus {
  const containers = pod.spec?.containers ?? [];
  const hasInit = Boolean(pod.spec?.initContainers?.length);
  const records = new Map(rec.containers.map((r) => [r.name, r]));
  const statuses = containers.map((c) => containerStatus(c, records.get(c.name), hasInit ? 'PodInitializing' : 'ContainerCreating'));
  const initRecords = new Map((rec.initContainers ?? []).map((r) => [r.name, r]));
  // A pod initialized before its runtime record kept init containers (an older snapshot): the
  // kubelet keeps the statuses it last reported, or, having none, those of finished containers.
  const initializedBefore = !rec.initContainers && rec.containers.length > 0;
  const initStatuses = (pod.spec?.initContainers ?? []).map((c) =>
    initializedBefore ? (pod.status?.initContainerStatuses?.find((s) => s.name === c.name) ?? finishedEarlier(c, rec)) : initContainerStatus(c, initRecords.get(c.name)),
  );
  const incomplete = incompleteInit(pod, initStatuses);
  // Sidecars (restartable init containers) count for the phase and for readiness, listed before the app containers.
  const sidecars = initStatuses.filter((_, i) => pod.spec!.initContainers![i].restartPolicy === 'Always');
  const phase = initPhase(pod, rec, incomplete) ?? podPhase(rec, statuses, sidecars);
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = [...sidecars, ...statuses].filter((s) => !s.ready).map((s) => s.name);
  const allReadyAt = Math.max(rec.seenAt, ...rec.containers.map((r) => r.readySince ?? r.startedAt ?? rec.seenAt));
  const sandboxUp = now >= rec.sandboxReadyAt;
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const old = pod.status?.conditions;
  const conditions = [
    condition('PodReadyToStartContainers', sandboxUp, sandboxUp ? rec.sandboxReadyAt : rec.seenAt),
    initializedCondition(pod, rec, incomplete, phase, now),
    condition('Ready', unready.length === 0, unready.length === 0 ? allReadyAt : now, done ? notReadyReason(phase) : 'ContainersNotReady', done ? undefined : notReadyMsg),
    condition('ContainersReady', unready.length === 0, unready.length === 0 ? allReadyAt : now, done ? notReadyReason(phase) : 'ContainersNotReady', done ? undefined : notReadyMsg),
    old?.find((c) => c.type === 'PodScheduled' && c.status === 'True') ?? condition('PodScheduled', true, rec.seenAt),
  ].map((c) => keepTransition(c, old));
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(hasInit ? { initContainerStatuses: initStatuses } : {}),
    phase,
    qosClass: qosClass(pod),
    startTime: rfc3339(rec.seenAt),
  };
  if (sandboxUp) {
    status.podIP = rec.ip;
    status.podIPs = [{ ip: rec.ip }];
  }
  return rec.evicted ? evictedStatus(status, rec.evicted) : status;
}
