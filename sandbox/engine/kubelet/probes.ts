// The kubelet's prober (pkg/kubelet/prober) on simulated time: liveness, readiness and startup
// probes of a running container, each on its own period from initialDelaySeconds, against what the
// simulated container serves (images/http-servers.ts) or, for exec, what its shell would see.
// Results follow the real worker: consecutive successes/failures against the thresholds, a
// Warning `Unhealthy` event per failure ("Liveness probe failed: …"), readiness starting false,
// liveness true, and liveness/readiness waiting until the startup probe has succeeded.
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import { containerListeners } from '../images/http-servers.js';
import { containerEnv, type StartedContainer } from '../exec/container-env.js';
import { runProgram, runScript } from '../exec/container-shell.js';
import type { KubeObject } from '../objects.js';
import { scriptFiles } from './process.js';
import type { ContainerRecord, ProbeKind, ProbeRecord } from './runtime-state.js';

export const PROBE_KINDS: ProbeKind[] = ['startup', 'liveness', 'readiness'];
const TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export function probeOf(spec: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'liveness' ? spec.livenessProbe : spec.readinessProbe;
}

const periodMs = (p: Probe) => (p.periodSeconds ?? 10) * 1000;

/** Fresh probe state for a container instance that has just started. */
export function initProbes(spec: Container, c: ContainerRecord, startedAt: number): void {
  c.probes = {};
  for (const kind of PROBE_KINDS) {
    const p = probeOf(spec, kind);
    if (!p) continue;
    // Liveness counts as passing until it fails; readiness and startup as failing until they pass.
    c.probes[kind] = { ok: kind === 'liveness', successes: 0, failures: 0, nextAt: startedAt + (p.initialDelaySeconds ?? 0) * 1000 };
  }
  c.started = !spec.startupProbe;
  c.ready = !spec.readinessProbe && c.started;
  c.readySince = c.ready ? startedAt : undefined;
}

export interface ProbeOutcome {
  ok: boolean;
  output: string;
}

export interface ProbeTarget {
  pod: Pod;
  spec: Container;
  podIP: string;
  startedAt: number;
  /** What the container was started with (env, mounted files, user): an exec probe sees it. */
  started?: StartedContainer;
}

function resolvePort(spec: Container, port: number | string | undefined): number {
  if (typeof port === 'number') return port;
  const named = spec.ports?.find((p) => p.name === port)?.containerPort;
  return named ?? Number(port);
}

function httpProbe(p: NonNullable<Probe['httpGet']>, t: ProbeTarget, at: number): ProbeOutcome {
  const port = resolvePort(t.spec, p.port as number | string);
  const path = p.path ?? '/';
  const scheme = (p.scheme ?? 'HTTP').toLowerCase();
  const url = `${scheme}://${t.podIP}:${port}${path.startsWith('/') ? path : `/${path}`}`;
  const listener = containerListeners(t.spec).find((l) => l.port === port && l.protocol === 'TCP');
  if (!listener) return { ok: false, output: `Get ${JSON.stringify(url)}: dial tcp ${t.podIP}:${port}: connect: connection refused` };
  if (!listener.http) return { ok: false, output: `Get ${JSON.stringify(url)}: EOF` };
  const headers: Array<[string, string]> = [['Host', `${t.podIP}:${port}`], ['User-Agent', 'kube-probe/1.32'], ['Accept', '*/*'], ...(p.httpHeaders ?? []).map((h) => [h.name, h.value] as [string, string])];
  const res = listener.http({ method: 'GET', path, headers }, at);
  // The kubelet's HTTP prober: 2xx and 3xx succeed, anything else fails with the code.
  if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
  return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
}

function tcpProbe(port: number, t: ProbeTarget): ProbeOutcome {
  const open = containerListeners(t.spec).some((l) => l.port === port && l.protocol === 'TCP');
  return open ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${t.podIP}:${port}: connect: connection refused` };
}

/** An exec probe: the command runs in the container's shell, seeing the files its main script made by then. */
function execProbe(command: string[], t: ProbeTarget, at: number): ProbeOutcome {
  const env = containerEnv(t.pod as unknown as KubeObject, t.spec.name, [], t.started);
  const { made, removed } = scriptFiles(t.spec, at - t.startedAt);
  for (const f of made) env.files[f] ??= '';
  for (const f of removed) delete env.files[f];
  let output = '';
  const o = { out: (s: string) => (output += s), err: (s: string) => (output += s) };
  const [name] = command;
  if (!name) return { ok: false, output: '' };
  const base = name.split('/').pop();
  const code = (base === 'sh' || base === 'bash') && command[1] === '-c' ? runScript(command[2] ?? '', env, { cwd: '/', status: 0, shell: base }, o) : runProgram(command, env, o);
  return { ok: code === 0, output: output.replace(/\n$/, '') };
}

export function runProbe(p: Probe, t: ProbeTarget, at: number): ProbeOutcome {
  if (p.httpGet) return httpProbe(p.httpGet, t, at);
  if (p.tcpSocket) return tcpProbe(resolvePort(t.spec, p.tcpSocket.port as number | string), t);
  if (p.grpc) return tcpProbe(p.grpc.port, t); // no gRPC health service is simulated: the port being open answers
  if (p.exec) return execProbe(p.exec.command ?? [], t, at);
  return { ok: true, output: '' };
}

/** What a failing probe asks of the kubelet: restart the container (liveness, startup). */
export interface ProbeVerdict {
  kill?: ProbeKind;
}

export type ProbeEventSink = (type: 'Warning', reason: string, message: string) => void;

/** Records one probe result against the thresholds; returns whether the result flipped to failing. */
function record(p: Probe, r: ProbeRecord, outcome: ProbeOutcome, kind: ProbeKind, emit: ProbeEventSink): boolean {
  if (outcome.ok) {
    r.failures = 0;
    r.successes++;
    // Liveness and startup probes must have successThreshold 1 (validation); readiness may ask more.
    if (!r.ok && r.successes >= (p.successThreshold ?? 1)) r.ok = true;
    return false;
  }
  r.successes = 0;
  r.failures++;
  emit('Warning', 'Unhealthy', `${TITLE[kind]} probe failed: ${outcome.output}`);
  if (r.ok || kind !== 'liveness') {
    if (r.failures >= (p.failureThreshold ?? 3)) {
      const flipped = r.ok || kind === 'startup';
      r.ok = false;
      return flipped;
    }
  }
  return false;
}

/**
 * Runs every probe of a running container that is due by `now`, in time order. Returns when the
 * next probe is due and whether the container must be killed for a failed liveness/startup probe.
 */
export function runDueProbes(t: ProbeTarget, c: ContainerRecord, now: number, emit: ProbeEventSink): { nextAt?: number; verdict: ProbeVerdict } {
  const verdict: ProbeVerdict = {};
  for (let guard = 0; guard < 10_000; guard++) {
    const due = dueProbe(t.spec, c);
    if (!due || due.at > now) return { nextAt: due?.at, verdict };
    const p = probeOf(t.spec, due.kind)!;
    const r = c.probes![due.kind]!;
    r.nextAt = due.at + periodMs(p);
    const failed = record(p, r, runProbe(p, t, due.at), due.kind, emit);
    if (due.kind === 'startup' && r.ok) {
      c.started = true;
      delete c.probes!.startup;
      for (const k of ['liveness', 'readiness'] as const) if (c.probes![k]) c.probes![k]!.nextAt = Math.max(c.probes![k]!.nextAt, due.at);
    }
    if (due.kind === 'readiness') setReady(c, r.ok, due.at);
    if (!t.spec.readinessProbe && c.started && !c.ready) setReady(c, true, due.at);
    if (failed && due.kind !== 'readiness') {
      verdict.kill = due.kind;
      return { verdict };
    }
  }
  return { verdict };
}

function setReady(c: ContainerRecord, ready: boolean, at: number): void {
  if (ready && !c.ready) c.readySince = at;
  c.ready = ready;
}

/** The next probe to run: liveness and readiness only once the container has started. */
function dueProbe(spec: Container, c: ContainerRecord): { kind: ProbeKind; at: number } | undefined {
  let best: { kind: ProbeKind; at: number } | undefined;
  for (const kind of PROBE_KINDS) {
    const r = c.probes?.[kind];
    if (!r || !probeOf(spec, kind)) continue;
    if (kind !== 'startup' && !c.started) continue;
    if (!best || r.nextAt < best.at) best = { kind, at: r.nextAt };
  }
  return best;
}

/** The Killing event's text when a probe restarts a container (kuberuntime_manager computePodActions). */
export function probeKillMessage(container: string, kind: ProbeKind): string {
  return `Container ${container} failed ${kind} probe, will be restarted`;
}
