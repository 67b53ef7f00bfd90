// One step of a pod worker (the kubelet's syncPod) on simulated time: advances each container
// through pull → create → run as far as the clock allows, recording the kubelet's events with
// their real texts, and says when it next has something to do.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { resolveImage } from '../images/catalogue.js';
import { normalizedImage, parseImageRef } from '../images/reference.js';
import { renderLogLine } from '../images/log-lines.js';
import { planProcess } from './process.js';
import { goDuration } from './go-duration.js';
import { between, KUBELET_TIMINGS as T } from './timings.js';
import { newContainerID, type ContainerRecord, type NodeRuntimeState, type PodRecord } from './runtime-state.js';
import type { LogStore } from './log-store.js';
import { initProbes, probeKillMessage, runDueProbes } from './probes.js';
import { stressDemand } from '../images/workload.js';
import { resourceAmount } from '../scheduler/quantity.js';
import { resolveContainerConfig, subPathFiles } from './container-config.js';
import { mountPodVolumes } from './volume-setup.js';
import { runStartWrites } from './start-writes.js';
import { startedContainer } from '../exec/container-mounts.js';

/** Records an event as the kubelet of `host` (source.host), as the real kubelet's recorder does. */
export type KubeletEventSink = (regarding: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, host: string) => void;

export interface WorkerEnv {
  ctx: ControllerContext;
  emit?: KubeletEventSink;
  rt: NodeRuntimeState;
  node: Node;
  logs: LogStore;
}

/** The registry's answer for an image that does not exist (containerd 1.7 via CRI). */
export function pullErrorText(image: string): string {
  const full = normalizedImage(parseImageRef(image));
  return `failed to pull and unpack image ${JSON.stringify(full)}: failed to resolve reference ${JSON.stringify(full)}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

function event(env: WorkerEnv, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
  if (env.emit) env.emit(pod as unknown as KubeObject, type, reason, message, env.node.metadata!.name!);
  else env.ctx.recordEvent(pod as unknown as KubeObject, type, reason, message);
}

function imagePresent(env: WorkerEnv, image: string): boolean {
  return env.rt.images.includes(normalizedImage(parseImageRef(image)));
}

/** Another pull of the same image is already queued on this node: by our turn its layers are there. */
function pullQueued(env: WorkerEnv, image: string): boolean {
  const ref = normalizedImage(parseImageRef(image));
  return Object.values(env.rt.pods).some((p) => p.containers.some((c) => c.phase === 'pulling' && normalizedImage(parseImageRef(c.image)) === ref));
}

function startPull(env: WorkerEnv, pod: Pod, rec: ContainerRecord, now: number): void {
  const { random } = env.ctx;
  event(env, pod, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(rec.image)}`);
  const resolved = resolveImage(rec.image);
  const start = Math.max(now, env.rt.pullerFreeAt); // serializeImagePulls: one pull at a time per node
  let duration: number;
  if (!resolved) duration = between(random, T.failedPullMs);
  else if (imagePresent(env, rec.image) || pullQueued(env, rec.image)) duration = between(random, T.repullMs);
  else duration = Math.round((T.pullBaseMs + resolved.spec.sizeBytes / T.pullBytesPerMs) * (1 - T.pullJitter + 2 * T.pullJitter * random.next()));
  Object.assign(rec, { phase: 'pulling', pullQueuedAt: now, pullStartAt: start, pullDoneAt: start + duration });
  env.rt.pullerFreeAt = start + duration;
}

function finishPull(env: WorkerEnv, pod: Pod, rec: ContainerRecord, now: number): void {
  const resolved = resolveImage(rec.image);
  if (!resolved) {
    rec.pullError = pullErrorText(rec.image);
    rec.backoffMs = rec.backoffMs ? Math.min(T.imageBackoffMaxMs, rec.backoffMs * 2) : T.imageBackoffInitialMs;
    rec.backoffUntil = now + rec.backoffMs;
    rec.phase = 'pull-failed';
    rec.readyAt = now + T.backoffNoticeMs;
    event(env, pod, 'Warning', 'Failed', `Failed to pull image ${JSON.stringify(rec.image)}: ${rec.pullError}`);
    event(env, pod, 'Warning', 'Failed', 'Error: ErrImagePull');
    return;
  }
  const ref = normalizedImage(parseImageRef(rec.image));
  if (!env.rt.images.includes(ref)) env.rt.images.push(ref);
  const pull = rec.pullDoneAt! - rec.pullStartAt!;
  const total = rec.pullDoneAt! - rec.pullQueuedAt!;
  event(env, pod, 'Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(rec.image)} in ${goDuration(pull)} (${goDuration(total)} including waiting). Image size: ${resolved.spec.sizeBytes} bytes.`);
  Object.assign(rec, { phase: 'creating', readyAt: now + between(env.ctx.random, T.startMs), backoffMs: undefined, pullError: undefined });
}

/**
 * Resolves the environment and checks runAsNonRoot before creating the container; on a config
 * error the container waits (CreateContainerConfigError) and the pod worker retries after its
 * back-off, so it starts once the missing ConfigMap or Secret exists.
 */
function configure(env: WorkerEnv, pod: Pod, rec: PodRecord, spec: Container, c: ContainerRecord, now: number): boolean {
  const config = resolveContainerConfig(env.ctx.api, pod, spec, { podIP: rec.ip, node: env.node });
  if ('env' in config) {
    c.env = config.env;
    c.subPaths = subPathFiles(spec, rec.volumes ?? {});
    return true;
  }
  c.configError = config.error;
  event(env, pod, 'Warning', 'Failed', `Error: ${config.error}`);
  Object.assign(c, { phase: 'config-error', readyAt: now + T.configRetryMs });
  return false;
}

function startContainer(env: WorkerEnv, pod: Pod, rec: PodRecord, spec: Container, c: ContainerRecord, now: number): void {
  if (c.lastTerminated) c.restartCount = c.restartCount + 1; // counted when the new instance is created
  c.crashLoopMessage = undefined;
  c.configError = undefined;
  c.containerID = newContainerID(env.ctx.random);
  c.phase = 'running';
  c.startedAt = now;
  event(env, pod, 'Normal', 'Created', `Created container: ${c.name}`);
  event(env, pod, 'Normal', 'Started', `Started container ${c.name}`);
  const image = resolveImage(c.image)?.spec;
  const plan = planProcess(spec, image);
  c.exitAt = plan.exitAfterMs === undefined ? undefined : now + plan.exitAfterMs;
  c.exitCode = plan.exitCode;
  initProbes(spec, c, now);
  oomIfOverLimit(spec, c, now);
  runStartWrites(env.ctx.api, pod, spec, rec, now);
  const kernel = env.node.status?.nodeInfo?.kernelVersion ?? '';
  const own = spec.command || (spec.args && image?.process.kind !== 'serve');
  const lines = own ? plan.output : (image?.startLog ?? []).map((l) => renderLogLine(l, { nowMs: now, podIP: rec.ip, kernel }));
  for (const text of lines) env.logs.append(rec.uid, c.name, c.restartCount, { at: now, text });
}

/** A process that allocates past the container's memory limit is killed by the kernel (exit 137). */
function oomIfOverLimit(spec: Container, c: ContainerRecord, now: number): void {
  const limit = spec.resources?.limits?.memory;
  const demand = stressDemand(spec);
  if (limit === undefined || !demand || demand.memoryBytes <= resourceAmount('memory', limit)) return;
  const atMs = now + T.oomAfterMs;
  if (c.exitAt !== undefined && c.exitAt <= atMs) return;
  Object.assign(c, { exitAt: atMs, exitCode: 137, exitReason: 'OOMKilled' });
}

/** The process ended; the kubelet notices at its next PLEG relist. */
function containerExited(c: ContainerRecord): void {
  c.previousTerminated = c.lastTerminated;
  c.lastTerminated = { exitCode: c.exitCode ?? 0, startedAt: c.startedAt!, finishedAt: c.exitAt!, containerID: c.containerID! };
  if (c.exitReason) c.lastTerminated.reason = c.exitReason;
  Object.assign(c, { phase: 'dead', readyAt: c.exitAt! + T.plegRelistMs, exitAt: undefined, exitReason: undefined, killing: undefined, probes: undefined, ready: undefined, started: undefined, readySince: undefined });
}

/**
 * Runs the container's due probes; a failed liveness or startup probe makes the kubelet stop the
 * container (SIGTERM, then SIGKILL after the grace period) so that it is started again.
 */
function probeContainer(env: WorkerEnv, pod: Pod, rec: PodRecord, spec: Container, c: ContainerRecord, now: number): number | undefined {
  if (c.killing || !c.probes) return undefined;
  const until = Math.min(now, c.exitAt ?? Infinity);
  // Only exec probes need the container's view; the others skip working it out.
  const execProbe = [spec.livenessProbe, spec.readinessProbe, spec.startupProbe].some((p) => p?.exec);
  const started = execProbe ? startedContainer(env.ctx.api, pod as unknown as KubeObject, spec.name, now, rec) : undefined;
  const target = { pod, spec, podIP: rec.ip, startedAt: c.startedAt!, started };
  const { nextAt, verdict } = runDueProbes(target, c, until, (type, reason, message) => event(env, pod, type, reason, message));
  if (!verdict.kill) return nextAt;
  event(env, pod, 'Normal', 'Killing', probeKillMessage(c.name, verdict.kill));
  const stopMs = stopOnTermMs(spec, c);
  const graceMs = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  const exitAt = now + Math.min(graceMs, stopMs ?? graceMs);
  if (c.exitAt === undefined || exitAt < c.exitAt) Object.assign(c, { exitAt, exitCode: stopMs === undefined ? 137 : 0, exitReason: undefined });
  c.killing = true;
  return undefined;
}

type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** After noticing the exit: restart at once (first time), after CrashLoopBackOff, or never (restartPolicy). */
function decideRestart(env: WorkerEnv, pod: Pod, c: ContainerRecord, policy: RestartPolicy): void {
  if (policy === 'Never' || (policy === 'OnFailure' && c.lastTerminated!.exitCode === 0)) {
    c.phase = 'exited';
    return;
  }
  if (c.crashBackoffMs === undefined) {
    // No back-off entry yet: the kubelet restarts at once and starts the 10 s back-off.
    c.crashBackoffMs = T.crashBackoffInitialMs;
    c.phase = 'new';
    return;
  }
  const who = `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`;
  Object.assign(c, {
    phase: 'crash-backoff',
    restartAt: c.lastTerminated!.finishedAt + c.crashBackoffMs,
    crashLoopMessage: `back-off ${goDuration(c.crashBackoffMs)} restarting failed container=${c.name} pod=${who}`,
  });
  event(env, pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${who}`);
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Whether the image must be pulled (imagePullPolicy), or the container can be created now. */
function needsPull(env: WorkerEnv, spec: Container): boolean {
  // The API defaults the policy: Always for :latest (or no tag), IfNotPresent otherwise.
  const ref = parseImageRef(spec.image!);
  const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent');
  if (policy === 'Always') return true;
  return !imagePresent(env, spec.image!);
}

/** Advances one container as far as `now` allows; returns when it next needs attention. */
function stepContainer(env: WorkerEnv, pod: Pod, rec: PodRecord, spec: Container, c: ContainerRecord, now: number, policy: RestartPolicy): number | undefined {
  for (let guard = 0; guard < 8; guard++) {
    switch (c.phase) {
      case 'new':
        if (needsPull(env, spec)) startPull(env, pod, c, now);
        else {
          event(env, pod, 'Normal', 'Pulled', `Container image ${JSON.stringify(c.image)} already present on machine`);
          Object.assign(c, { phase: 'creating', readyAt: now + between(env.ctx.random, T.startMs) });
        }
        continue;
      case 'pulling':
        if (now < c.pullDoneAt!) return c.pullDoneAt;
        finishPull(env, pod, c, now);
        continue;
      case 'pull-failed':
        if (now < c.readyAt!) return c.readyAt;
        c.phase = 'pull-backoff';
        event(env, pod, 'Normal', 'BackOff', `Back-off pulling image ${JSON.stringify(c.image)}`);
        event(env, pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
        continue;
      case 'pull-backoff':
        if (now < c.backoffUntil!) return c.backoffUntil;
        startPull(env, pod, c, now);
        continue;
      case 'creating':
        if (now < c.readyAt!) return c.readyAt;
        if (!configure(env, pod, rec, spec, c, now)) continue;
        startContainer(env, pod, rec, spec, c, now);
        continue;
      case 'config-error':
        if (now < c.readyAt!) return c.readyAt;
        c.phase = 'new';
        continue;
      case 'running': {
        const probeAt = probeContainer(env, pod, rec, spec, c, now);
        if (c.exitAt === undefined || now < c.exitAt) return earliest(c.exitAt, probeAt);
        containerExited(c);
        continue;
      }
      case 'dead':
        if (now < c.readyAt!) return c.readyAt;
        decideRestart(env, pod, c, policy);
        continue;
      case 'crash-backoff':
        if (now < c.restartAt!) return c.restartAt;
        Object.assign(c, { phase: 'new', crashBackoffMs: Math.min(T.crashBackoffMaxMs, c.crashBackoffMs! * 2) });
        continue;
      case 'exited':
        return undefined;
    }
  }
  return undefined;
}

function recordFor(records: ContainerRecord[], spec: Container): ContainerRecord {
  let c = records.find((r) => r.name === spec.name);
  if (!c) {
    c = { name: spec.name, image: spec.image!, phase: 'new', restartCount: 0 };
    records.push(c);
  }
  return c;
}

/** An init container that ran to success; it is not run again. */
export const initSucceeded = (c: ContainerRecord | undefined): boolean => c?.phase === 'exited' && c.lastTerminated?.exitCode === 0;

/**
 * Init containers run one at a time, in order, each to success before the next starts; a failed
 * one is restarted unless the pod's restartPolicy is Never (then the pod fails). A sidecar
 * (restartPolicy Always on the init container) only has to be running for the next to start.
 * Once the pod's app containers finished for good (`finishing`), sidecars are not restarted.
 */
function advanceInitContainers(env: WorkerEnv, pod: Pod, rec: PodRecord, now: number, finishing: boolean): { done: boolean; next?: number } {
  // App containers that already ran (a record from before init containers were run) mean the
  // pod was initialized: the kubelet never runs init containers again then.
  if (!rec.initContainers && rec.containers.length) return { done: true };
  let next: number | undefined;
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = recordFor((rec.initContainers ??= []), spec);
    const sidecar = spec.restartPolicy === 'Always';
    if (sidecar && finishing) {
      if (c.phase === 'running' || c.phase === 'dead') next = earliest(next, stepContainer(env, pod, rec, spec, c, now, 'Never'));
      continue;
    }
    const policy: RestartPolicy = sidecar ? 'Always' : pod.spec?.restartPolicy === 'Never' ? 'Never' : 'OnFailure';
    next = earliest(next, stepContainer(env, pod, rec, spec, c, now, policy));
    if (sidecar ? c.phase === 'running' : initSucceeded(c)) continue;
    return { done: false, next };
  }
  return { done: true, next };
}

/** restartPolicy Never/OnFailure and every app container ended for good: the pod is done. */
function appContainersFinished(pod: Pod, rec: PodRecord): boolean {
  if ((pod.spec?.restartPolicy ?? 'Always') === 'Always' || !pod.spec?.initContainers?.length) return false;
  return (pod.spec?.containers ?? []).every((spec) => rec.containers.find((c) => c.name === spec.name)?.phase === 'exited');
}

/**
 * computePodActions' KillPod once no app container will run again: the kubelet stops the
 * sidecars (SIGTERM, SIGKILL after the grace period) and starts none of them again.
 */
function stopSidecars(env: WorkerEnv, pod: Pod, rec: PodRecord, now: number): number | undefined {
  let next: number | undefined;
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = rec.initContainers?.find((r) => r.name === spec.name);
    if (spec.restartPolicy !== 'Always' || !c) continue;
    if (c.phase !== 'running') {
      // One waiting in CrashLoopBackOff keeps its last state and is not started again.
      if (c.lastTerminated && c.phase !== 'dead' && c.phase !== 'exited') Object.assign(c, { phase: 'exited', crashLoopMessage: undefined, restartAt: undefined });
      continue;
    }
    if (!c.killing) {
      event(env, pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
      const stopMs = stopOnTermMs(spec, c);
      const graceMs = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
      const exitAt = now + Math.min(graceMs, stopMs ?? graceMs);
      if (c.exitAt === undefined || exitAt < c.exitAt) Object.assign(c, { exitAt, exitCode: stopMs === undefined ? 137 : 0, exitReason: undefined });
      c.killing = true;
    }
    next = earliest(next, c.exitAt);
  }
  return next;
}

/** How long the process takes to exit on SIGTERM; undefined when it ignores it (a shell as PID 1). */
function stopOnTermMs(spec: Container, c: ContainerRecord): number | undefined {
  const shellPid1 = Boolean(spec.command?.length) && /^(\/bin\/)?(ba)?sh$/.test(spec.command![0]);
  return shellPid1 ? undefined : resolveImage(c.image)?.spec.stopOnTermMs;
}

/** Runs the pod's containers forward; returns the earliest time anything is due, if any. */
export function advancePod(env: WorkerEnv, pod: Pod, rec: PodRecord, now: number): number | undefined {
  if (now < rec.sandboxReadyAt) return rec.sandboxReadyAt;
  const mountAt = mountPodVolumes(env.ctx.api, pod, rec, now, (_v, message) => event(env, pod, 'Warning', 'FailedMount', message));
  if (mountAt !== undefined) return mountAt;
  const finishing = appContainersFinished(pod, rec);
  const init = advanceInitContainers(env, pod, rec, now, finishing);
  if (!init.done) return init.next;
  let next = init.next;
  const policy = (pod.spec?.restartPolicy ?? 'Always') as RestartPolicy;
  for (const spec of pod.spec?.containers ?? []) {
    const c = recordFor(rec.containers, spec);
    next = earliest(next, stepContainer(env, pod, rec, spec, c, now, policy));
    // Containers start one after another within a sync; a pull or create in flight holds the rest.
    if (c.phase === 'pulling' || c.phase === 'creating') break;
  }
  if (appContainersFinished(pod, rec)) next = earliest(next, stopSidecars(env, pod, rec, now));
  return next;
}
