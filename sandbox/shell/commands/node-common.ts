// What the node tools share: which node the shell is on, the cluster's runtime state there,
// crictl's table layout (Go's tabwriter: min width 20, padding 3) and docker's human durations.
import { clusterOf, type ClusterHandles } from '../../engine/cluster.js';
import { hex, sha256 } from '../../engine/network/sha256.js';
import type { Shell } from '../interpreter.js';

export interface NodeHost {
  cluster?: object;
}

/** The node this shell runs on (the learner's own shell is on the control plane). */
export const nodeOf = (shell: Shell) => shell.getVar('HOSTNAME') ?? 'controlplane';

export function handlesOf(host: NodeHost): ClusterHandles | undefined {
  return host.cluster ? clusterOf(host.cluster) : undefined;
}

/** A stable 64-hex id for a name (image ids, pod sandbox ids): the runtime's ids are not kept. */
export const idFor = (name: string) => hex(sha256(name));

/** Go tabwriter with minwidth, padding 3 and spaces; the last cell of a row is not padded. */
export function table(rows: string[][], minWidth = 20, padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.max(minWidth, c.length + padding))));
  return rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('') + '\n').join('');
}

/** docker/go-units HumanDuration, as crictl's CREATED column prints it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 14) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 60) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 730) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}
