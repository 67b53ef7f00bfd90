// What containers wrote to stdout/stderr, kept per container instance like the kubelet's log
// files under /var/log/pods, so the pods/log subresource (current and --previous) can be served.
// Plain data: it snapshots as JSON.

export interface LogLine {
  /** Simulated time the line was written, in ms. */
  at: number;
  text: string;
}

export interface LogReadOptions {
  previous?: boolean;
  sinceMs?: number;
  tailLines?: number;
}

export interface LogStoreData {
  /** `<podUID>/<container>/<restartCount>` → lines. */
  files: Record<string, LogLine[]>;
}

export class LogStore {
  constructor(readonly data: LogStoreData = { files: {} }) {}

  private static file(podUID: string, container: string, restart: number): string {
    return `${podUID}/${container}/${restart}`;
  }

  append(podUID: string, container: string, restart: number, line: LogLine): void {
    const f = LogStore.file(podUID, container, restart);
    (this.data.files[f] ??= []).push(line);
  }

  /** Lines of the current (or previous) instance; undefined when that instance never ran. */
  read(podUID: string, container: string, restart: number, opts: LogReadOptions = {}): LogLine[] | undefined {
    const instance = opts.previous ? restart - 1 : restart;
    if (instance < 0) return undefined;
    let lines = this.data.files[LogStore.file(podUID, container, instance)];
    if (!lines) return undefined;
    if (opts.sinceMs !== undefined) lines = lines.filter((l) => l.at >= opts.sinceMs!);
    if (opts.tailLines !== undefined) lines = opts.tailLines <= 0 ? [] : lines.slice(-opts.tailLines);
    return lines;
  }

  /** Drops a pod's logs once the pod is gone (the kubelet removes its log directory). */
  forgetPod(podUID: string): void {
    for (const f of Object.keys(this.data.files)) if (f.startsWith(`${podUID}/`)) delete this.data.files[f];
  }
}

/** RFC 3339 with nanoseconds, as the kubelet stamps CRI log lines (`kubectl logs --timestamps`). */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** A container's log as the pods/log subresource returns it: lines joined with '\n', each stamped if asked. */
export function formatLog(lines: LogLine[], timestamps = false): string {
  return lines.map((l) => `${timestamps ? `${logTimestamp(l.at)} ` : ''}${l.text}\n`).join('');
}
