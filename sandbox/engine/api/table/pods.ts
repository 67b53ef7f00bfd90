// Pods and pod templates (printPod, printPodTemplate). The STATUS cell walks init containers,
// then containers from last to first, exactly as the real printer does, so the same odd cases
// come out the same (`Init:CrashLoopBackOff`, `Completed` turned back to `Running`, …).
import type { Container, ContainerStatus, Pod, PodCondition, PodTemplate } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects.js';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { parseTime, since, sinceMs } from './duration.js';
import { containerCells, formatLabels } from './format.js';
import type { Printer, TableCell, TableRowCondition } from './types.js';

const isRestartable = (c: Container | undefined) => c?.restartPolicy === 'Always';

/** What the container loop accumulates: the status reason, restarts, and readiness. */
interface PodTally {
  reason: string;
  restarts: number;
  lastRestart: number; // ms, 0 when none
  ready: number;
}

function lastTermination(cs: ContainerStatus): number {
  return parseTime(cs.lastState?.terminated?.finishedAt) ?? 0;
}

/** The init container walk. Returns true while the pod is still initialising. */
function tallyInitContainers(pod: Pod, t: PodTally): { initializing: boolean; sidecarRestarts: number; sidecarLast: number } {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const total = pod.spec?.initContainers?.length ?? 0;
  let sidecarRestarts = 0;
  let sidecarLast = 0;
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const cs = statuses[i];
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = Math.max(t.lastRestart, lastTermination(cs));
    const sidecar = isRestartable(specs.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      sidecarLast = Math.max(sidecarLast, lastTermination(cs));
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) t.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) t.reason = `Init:${terminated.reason}`;
      else t.reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      t.reason = `Init:${waiting.reason}`;
    } else {
      t.reason = `Init:${i}/${total}`;
    }
    return { initializing: true, sidecarRestarts, sidecarLast };
  }
  return { initializing: false, sidecarRestarts, sidecarLast };
}

function tallyContainers(pod: Pod, t: PodTally): void {
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = Math.max(t.lastRestart, lastTermination(cs));
    const { waiting, terminated, running } = cs.state ?? {};
    if (waiting?.reason) t.reason = waiting.reason;
    else if (terminated?.reason) t.reason = terminated.reason;
    else if (terminated) t.reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
    else if (cs.ready && running) {
      hasRunning = true;
      t.ready++;
    }
  }
  if (t.reason === 'Completed' && hasRunning) t.reason = hasCondition(pod.status?.conditions, 'Ready') ? 'Running' : 'NotReady';
}

const hasCondition = (conditions: PodCondition[] | undefined, type: string) =>
  (conditions ?? []).some((c) => c.type === type && c.status === 'True');

function podTally(pod: Pod): PodTally {
  const t: PodTally = { reason: pod.status?.reason || pod.status?.phase || '', restarts: 0, lastRestart: 0, ready: 0 };
  if ((pod.status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) t.reason = 'SchedulingGated';
  const init = tallyInitContainers(pod, t);
  if (!init.initializing || hasCondition(pod.status?.conditions, 'Initialized')) {
    t.restarts = init.sidecarRestarts;
    t.lastRestart = init.sidecarLast;
    tallyContainers(pod, t);
  }
  const phase = pod.status?.phase;
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') t.reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') t.reason = 'Terminating';
  return t;
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

function podCells(obj: KubeObject, now: number): TableCell[] {
  const pod = obj as unknown as Pod;
  const t = podTally(pod);
  const total = (pod.spec?.containers?.length ?? 0) + (pod.spec?.initContainers ?? []).filter(isRestartable).length;
  const restarts = t.restarts !== 0 && t.lastRestart ? `${t.restarts} (${sinceMs(t.lastRestart, now)} ago)` : String(t.restarts);
  return [
    pod.metadata?.name ?? '',
    `${t.ready}/${total}`,
    t.reason,
    restarts,
    since(pod.metadata?.creationTimestamp, now),
    // The real conversion fills podIPs from a lone podIP, so either one is the pod's IP.
    pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    readinessGates(pod),
  ];
}

function podConditions(obj: KubeObject): TableRowCondition[] | undefined {
  const phase = (obj as unknown as Pod).status?.phase;
  if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
  if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}

export const podPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageCol(),
    docCol('IP', 'string', 'core/v1 PodStatus.podIP', 1),
    docCol('Node', 'string', 'core/v1 PodSpec.nodeName', 1),
    docCol('Nominated Node', 'string', 'core/v1 PodStatus.nominatedNodeName', 1),
    docCol('Readiness Gates', 'string', 'core/v1 PodSpec.readinessGates', 1),
  ],
  cells: podCells,
  conditions: podConditions,
};

export const podTemplatePrinter: Printer = {
  columns: [
    nameCol(),
    col('Containers', 'string', 'Names of each container in the template.'),
    col('Images', 'string', 'Images referenced by each container in the template.'),
    col('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  cells(obj) {
    const pt = obj as unknown as PodTemplate;
    const [names, images] = containerCells(pt.template?.spec?.containers);
    return [pt.metadata?.name ?? '', names, images, formatLabels(pt.template?.metadata?.labels)];
  },
};
