// The platform's Prometheus metrics (/metrics): sandboxes active and hibernated, command latency,
// socket connections, snapshot sizes and times, event-loop lag of the web server's thread and
// of the sandbox workers, and Node's default process metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SandboxHost } from '../sandbox/session/handle.js';
import type { PoolStats } from '../sandbox/session/pool.js';

export interface PlatformMetrics {
  registry: Registry;
  observe(stats: PoolStats): void;
  connection(delta: 1 | -1): void;
}

export function createMetrics(host: () => SandboxHost | undefined, workerLagMs: () => number = () => 0): PlatformMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  new Gauge({
    name: 'kubelab_sandboxes',
    help: 'Sandboxes known to this process, by state (active: in memory; hibernated: saved, memory freed).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const counts = host()?.counts() ?? { active: 0, hibernated: 0 };
      this.set({ state: 'active' }, counts.active);
      this.set({ state: 'hibernated' }, counts.hibernated);
    },
  });
  new Gauge({
    name: 'kubelab_sandbox_worker_event_loop_lag_seconds',
    help: 'The worst event-loop lag a sandbox worker saw in its last second.',
    registers: [registry],
    collect() {
      this.set(workerLagMs() / 1000);
    },
  });
  const commands = new Histogram({
    name: 'kubelab_command_duration_seconds',
    help: 'A learner command line, from Enter to the next prompt.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const snapshotBytes = new Histogram({
    name: 'kubelab_snapshot_bytes',
    help: 'Size of a sandbox snapshot as JSON.',
    buckets: [4096, 16384, 65536, 262144, 1048576, 4194304],
    registers: [registry],
  });
  const snapshotSeconds = new Histogram({
    name: 'kubelab_snapshot_duration_seconds',
    help: 'Taking and writing one sandbox snapshot.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const sockets = new Gauge({ name: 'kubelab_socket_connections', help: 'Open socket.io connections.', registers: [registry] });
  const socketsTotal = new Counter({ name: 'kubelab_socket_connections_total', help: 'Socket.io connections opened.', registers: [registry] });
  return {
    registry,
    observe(stats) {
      for (const ms of stats.commandMs) commands.observe(ms / 1000);
      for (const s of stats.snapshots) {
        snapshotBytes.observe(s.bytes);
        snapshotSeconds.observe(s.ms / 1000);
      }
    },
    connection(delta) {
      sockets.inc(delta);
      if (delta > 0) socketsTotal.inc();
    },
  };
}
