// systemctl and journalctl on a node for the two services a kubeadm node runs: kubelet and
// containerd. Stopping the kubelet silences the node (Unknown after the node monitor grace
// period); stopping containerd leaves the kubelet posting NotReady ("container runtime is
// down"); journalctl shows systemd's lines and the kubelet's events as the kubelet logs them.
import { clusterOf } from '../../engine/cluster.js';
import type { Engine } from '../../engine/engine.js';
import type { NodeServicesState } from '../../engine/kubelet/runtime-state.js';
import { failNode, isContainerRuntimeDown, isNodeFailed, recoverNode, startContainerRuntime, stopContainerRuntime } from '../../engine/node-faults.js';
import type { CommandFn, Shell } from '../interpreter.js';
import { formatDate } from './misc.js';
import { handlesOf, nodeOf, type NodeHost } from './node-common.js';

type Unit = 'kubelet' | 'containerd';
interface JournalLine {
  at: number;
  source: string;
  text: string;
}
interface ServiceState extends NodeServicesState {
  /** When the unit last became active or inactive. */
  since: Record<Unit, number>;
  stopped: Record<Unit, boolean>;
  pid: Record<Unit, number>;
  journal: Record<Unit, JournalLine[]>;
}

const DESCRIPTION: Record<Unit, string> = { kubelet: 'kubelet: The Kubernetes Node Agent', containerd: 'containerd container runtime' };
/** Units of nodes the cluster keeps no runtime for (not a default cluster): kept here instead. */
const states = new WeakMap<object, Map<string, ServiceState>>();

/**
 * The node's unit states live in its kubelet runtime state, which snapshots carry, so a stopped
 * kubelet stays stopped after a restore.
 */
function stateOf(cluster: object, node: string): ServiceState {
  const rt = clusterOf(cluster)?.kubelet.nodes[node];
  if (rt) return (rt.services ??= freshState(cluster, node)) as ServiceState;
  let perNode = states.get(cluster);
  if (!perNode) states.set(cluster, (perNode = new Map()));
  let s = perNode.get(node);
  if (!s) perNode.set(node, (s = freshState(cluster, node)));
  return s;
}

function freshState(cluster: object, node: string): ServiceState {
  const boot = bootTime(cluster, node);
  return { since: { kubelet: boot, containerd: boot }, stopped: { kubelet: false, containerd: false }, pid: { kubelet: 1187, containerd: 634 }, journal: { kubelet: [], containerd: [] } };
}

/** When the node booted: its Node object's creation (the kubelet registers it once it runs). */
function bootTime(cluster: object, node: string): number {
  const engine = cluster as Partial<Engine>;
  const created = engine.store?.get(`/registry/minions/${node}`)?.metadata.creationTimestamp ?? engine.store?.get(`/registry/nodes/${node}`)?.metadata.creationTimestamp;
  return created ? Date.parse(created) : (engine.clock?.now() ?? 0);
}

const unitName = (arg: string | undefined) => arg?.replace(/\.service$/, '') as Unit | undefined;
const isUnit = (u: string | undefined): u is Unit => u === 'kubelet' || u === 'containerd';

/** systemd's relative time ("3min ago", "1h 5min ago"). */
export function systemdAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  const min = Math.floor(s / 60);
  const h = Math.floor(min / 60);
  if (h >= 48) return `${Math.floor(h / 24)} days ago`;
  if (h >= 25) return `1 day ${h - 24}h ago`;
  if (h >= 6) return `${h}h ago`;
  if (h >= 1) return `${h}h ${min % 60}min ago`;
  if (min >= 5) return `${min}min ago`;
  if (min >= 1) return `${min}min ${s % 60}s ago`;
  if (s >= 1) return `${s}s ago`;
  return `${ms}ms ago`;
}

const stamp = (ms: number) => formatDate(ms, '%a %Y-%m-%d %H:%M:%S UTC');

function status(unit: Unit, s: ServiceState, now: number): string {
  const active = !s.stopped[unit];
  const dropIn = unit === 'kubelet' ? '    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf\n' : '';
  const docs = unit === 'kubelet' ? 'https://kubernetes.io/docs/' : 'https://containerd.io';
  const exec = unit === 'kubelet' ? '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10' : '/usr/bin/containerd';
  const head = `${active ? '●' : '○'} ${unit}.service - ${DESCRIPTION[unit]}\n     Loaded: loaded (/lib/systemd/system/${unit}.service; enabled; vendor preset: enabled)\n${dropIn}`;
  const since = `since ${stamp(s.since[unit])}; ${systemdAgo(now - s.since[unit])}`;
  const body = active
    ? `     Active: active (running) ${since}\n       Docs: ${docs}\n   Main PID: ${s.pid[unit]} (${unit})\n      Tasks: ${unit === 'kubelet' ? 11 : 9} (limit: 2339)\n     Memory: ${unit === 'kubelet' ? '41.5M' : '38.2M'}\n     CGroup: /system.slice/${unit}.service\n             └─${s.pid[unit]} ${exec}\n`
    : `     Active: inactive (dead) ${since}\n       Docs: ${docs}\n   Main PID: ${s.pid[unit]} (code=killed, signal=TERM)\n`;
  const tail = s.journal[unit].slice(-10).map((l) => journalLine(l, '')).join('');
  return head + body + (tail ? '\n' + tail : '');
}

const journalLine = (l: JournalLine, node: string) => `${formatDate(l.at, '%b %d %H:%M:%S')} ${node || l.source.split(' ')[0]} ${l.source.split(' ').slice(1).join(' ') || l.source}: ${l.text}\n`;

function setActive(engine: Engine, node: string, unit: Unit, active: boolean, now: number): void {
  const s = stateOf(engine, node);
  const log = (text: string) => s.journal[unit].push({ at: now, source: `${node} systemd[1]`, text });
  if (!active && !s.stopped[unit]) {
    log(`Stopping ${unit}.service - ${DESCRIPTION[unit]}...`);
    log(`${unit}.service: Deactivated successfully.`);
    log(`Stopped ${unit}.service - ${DESCRIPTION[unit]}.`);
    s.stopped[unit] = true;
    s.since[unit] = now;
  } else if (active && s.stopped[unit]) {
    s.stopped[unit] = false;
    s.since[unit] = now;
    s.pid[unit] += 1000 + Math.floor(now / 1000) % 1000;
    log(`Started ${unit}.service - ${DESCRIPTION[unit]}.`);
  }
  if (!clusterOf(engine)?.kubelet.nodes[node]) return; // not a default cluster's node: nothing runs on it
  // containerd down: the kubelet still posts status (NotReady, "container runtime is down").
  if (s.stopped.containerd && !isContainerRuntimeDown(engine, node)) stopContainerRuntime(engine, node);
  if (!s.stopped.containerd && isContainerRuntimeDown(engine, node)) startContainerRuntime(engine, node);
  if (s.stopped.kubelet && !isNodeFailed(engine, node)) failNode(engine, node);
  if (!s.stopped.kubelet && isNodeFailed(engine, node)) recoverNode(engine, node);
}

export function systemctl(host: NodeHost): CommandFn {
  return ({ args, io, shell }) => {
    const engine = host.cluster as Engine | undefined;
    const node = nodeOf(shell);
    const [verb, ...names] = args.filter((a) => !a.startsWith('-'));
    const now = shell.host.now();
    if (!engine || !handlesOf(host)) {
      io.err('System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n');
      return 1;
    }
    if (verb === 'daemon-reload') return 0;
    if (!verb) {
      io.err('systemctl: a command is needed: systemctl status|start|stop|restart|is-active UNIT\n');
      return 1;
    }
    let status = 0;
    for (const raw of names) {
      const unit = unitName(raw);
      if (!isUnit(unit)) {
        if (verb === 'status') io.err(`Unit ${raw}.service could not be found.\n`);
        else if (verb === 'is-active') io.out('inactive\n');
        else io.err(`Failed to ${verb} ${raw}.service: Unit ${raw}.service not found.\n`);
        status = verb === 'status' ? 4 : verb === 'is-active' ? 3 : 5;
        continue;
      }
      const s = stateOf(engine, node);
      if (verb === 'status') {
        io.out(status_(unit, s, now));
        if (s.stopped[unit]) status = 3;
      } else if (verb === 'is-active') {
        io.out(s.stopped[unit] ? 'inactive\n' : 'active\n');
        if (s.stopped[unit]) status = 3;
      } else if (verb === 'stop') setActive(engine, node, unit, false, now);
      else if (verb === 'start') setActive(engine, node, unit, true, now);
      else if (verb === 'restart') {
        setActive(engine, node, unit, false, now);
        setActive(engine, node, unit, true, now);
      } else if (verb === 'enable' || verb === 'disable') continue;
      else {
        io.err(`Unknown command verb ${verb}.\n`);
        return 1;
      }
    }
    return status;
  };
}
const status_ = status;

/** The kubelet's events on this node, as the kubelet logs each one it records. */
function kubeletEventLines(shell: Shell, host: NodeHost, node: string): JournalLine[] {
  const api = (host as { api?: { list(ref: object): { items: Array<Record<string, never>> } } }).api;
  if (!api) return [];
  const events = api.list({ group: '', version: 'v1', resource: 'events' }).items as unknown as Array<{ source?: { component?: string; host?: string }; reportingInstance?: string; involvedObject?: { namespace?: string; name?: string; kind?: string; fieldPath?: string }; type?: string; reason?: string; message?: string; firstTimestamp?: string; lastTimestamp?: string; eventTime?: string; metadata?: { creationTimestamp?: string } }>;
  void shell;
  return events
    .filter((e) => e.source?.component === 'kubelet' && (e.source.host ?? e.reportingInstance) === node)
    .map((e) => {
      const at = Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '') || 0;
      const o = e.involvedObject ?? {};
      const klogTime = formatDate(at, '%m%d %H:%M:%S.%N').slice(0, 20);
      const obj = o.namespace ? `${o.namespace}/${o.name}` : o.name;
      const field = o.fieldPath ? ` fieldPath="${o.fieldPath}"` : '';
      return { at, source: `${node} kubelet[1187]`, text: `I${klogTime}    1187 event.go:389] "Event occurred" object="${obj}"${field} kind="${o.kind}" apiVersion="v1" type="${e.type}" reason="${e.reason}" message="${(e.message ?? '').replace(/"/g, '\\"')}"` };
    });
}

export function journalctl(host: NodeHost): CommandFn {
  return async ({ args, io, shell }) => {
    const node = nodeOf(shell);
    const ui = args.indexOf('-u');
    const unit = unitName(ui >= 0 ? args[ui + 1] : args.find((a) => a.startsWith('--unit='))?.slice(7));
    const ni = args.findIndex((a) => a === '-n' || a === '--lines');
    const limit = ni >= 0 ? Number(args[ni + 1]) : undefined;
    const engine = host.cluster;
    const lines: JournalLine[] = [];
    if (engine && (!unit || isUnit(unit))) {
      const s = stateOf(engine, node);
      for (const u of unit ? [unit] : (['containerd', 'kubelet'] as Unit[])) lines.push(...s.journal[u]);
      if (!unit || unit === 'kubelet') lines.push(...kubeletEventLines(shell, host, node));
    }
    lines.sort((a, b) => a.at - b.at);
    const shown = limit !== undefined && !Number.isNaN(limit) ? (limit > 0 ? lines.slice(-limit) : []) : lines;
    io.out(shown.length || limit === 0 ? shown.map((l) => journalLine(l, '')).join('') : '-- No entries --\n');
    if (args.includes('-f') || args.includes('--follow')) {
      await io.interrupt.wait();
      return 130;
    }
    return 0;
  };
}
