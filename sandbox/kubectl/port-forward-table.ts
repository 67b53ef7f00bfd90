// The sandbox's forwarded local ports: `kubectl port-forward` registers each listening port
// here while it runs, and the shell's curl/wget to localhost:<port> look it up to reach the pod
// (as the real kubectl's listener tunnels a connection to the pod through the API server).
// One table per sandbox, keyed by its filesystem (each learner's shell has its own Vfs).
import type { Vfs } from '../shell/vfs.js';

export interface PortForward {
  /** The local port on 127.0.0.1 / [::1] (or the --address given). */
  localPort: number;
  addresses: string[];
  namespace: string;
  pod: string;
  /** The container port connections go to. */
  podPort: number;
  /** Call once per connection: prints `Handling connection for <port>` as kubectl does. */
  onConnection(): void;
}

const TABLES = new WeakMap<Vfs, Map<number, PortForward>>();

function tableOf(fs: Vfs): Map<number, PortForward> {
  let table = TABLES.get(fs);
  if (!table) TABLES.set(fs, (table = new Map()));
  return table;
}

/** The sandbox's forwarded ports by local port (a snapshot: later forwards do not appear in it). */
export function localPortsOf(fs: Vfs): ReadonlyMap<number, PortForward> {
  return new Map(tableOf(fs));
}

/** Registers the forwards; false (and nothing registered) when a port is taken. */
export function registerForwards(fs: Vfs, forwards: PortForward[]): boolean {
  const table = tableOf(fs);
  if (forwards.some((f) => table.has(f.localPort))) return false;
  for (const f of forwards) table.set(f.localPort, f);
  return true;
}

export function releaseForwards(fs: Vfs, forwards: PortForward[]): void {
  const table = tableOf(fs);
  for (const f of forwards) if (table.get(f.localPort) === f) table.delete(f.localPort);
}
