// systemctl's unit states travel with the cluster: a kubelet stopped before a snapshot is still
// stopped (and the node still failed) after the snapshot is restored.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../engine/clock.js';
import { restoreDefaultCluster } from '../../engine/cluster.js';
import { isNodeFailed } from '../../engine/node-faults.js';
import { screenSandbox } from '../testing.js';
import { TerminalSession } from '../terminal.js';
import { Vfs } from '../vfs.js';

async function restoredTerminal(snapshot: unknown, now: number) {
  const clock = new ManualClock(now);
  const engine = restoreDefaultCluster(JSON.parse(JSON.stringify(snapshot)), { clock });
  let screen = '';
  const terminal = new TerminalSession({ api: engine.client('kubectl'), fs: new Vfs({ now: () => clock.now() }), clock, onOutput: (s) => (screen += s), sleep: async (ms) => engine.advance(ms), cluster: engine });
  terminal.start();
  return {
    engine,
    async run(line: string) {
      screen = '';
      await terminal.runLine(line);
      return screen.replace(/\r\n/g, '\n');
    },
  };
}

describe('systemctl across a snapshot', () => {
  it('keeps a stopped kubelet inactive after restore, and starts it from there', async () => {
    const s = screenSandbox();
    for (const l of ['ssh node01', 'systemctl stop kubelet', 'exit', 'sleep 5']) await s.type(l);
    expect(s.screen()).not.toContain('Failed');
    const r = await restoredTerminal(s.engine.snapshot(), s.engine.clock.now());
    expect(isNodeFailed(r.engine, 'node01')).toBe(true);
    expect(await r.run('ssh node01 systemctl is-active kubelet; echo "status $?"')).toContain('inactive\nstatus 3\n');
    const status = await r.run('ssh node01 systemctl status kubelet');
    expect(status).toContain('○ kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(status).toContain('Active: inactive (dead) since Sun 2026-11-01 09:00:');
    expect(status).toContain('Stopped kubelet.service - kubelet: The Kubernetes Node Agent.');
    expect(await r.run('ssh node01 systemctl is-active containerd')).toContain('active\n');
    await r.run('ssh node01 systemctl start kubelet');
    expect(isNodeFailed(r.engine, 'node01')).toBe(false);
    expect(await r.run('ssh node01 systemctl is-active kubelet')).toMatch(/\nactive\n|^active\n/);
  });
});

describe('systemctl stop containerd', { timeout: 60_000 }, () => {
  it('leaves the node reachable but NotReady ("container runtime is down"); start heals it', async () => {
    const s = screenSandbox();
    for (const l of ['ssh node01', 'systemctl stop containerd', 'systemctl is-active kubelet', 'exit', 'sleep 45']) await s.type(l);
    expect(isNodeFailed(s.engine, 'node01')).toBe(false);
    await s.type('kubectl get node node01 -o jsonpath=\'{.status.conditions[?(@.type=="Ready")].message}{"\\n"}\'');
    await s.type('kubectl get nodes node01 --no-headers | awk \'{print $2}\'');
    for (const l of ['ssh node01 systemctl start containerd', 'sleep 12', 'kubectl get nodes node01 --no-headers | awk \'{print "after", $2}\'']) await s.type(l);
    const screen = s.screen();
    expect(screen).toContain('active\n');
    expect(screen).toContain('container runtime is down\n');
    expect(screen).toContain('NotReady\n');
    expect(screen).toContain('after Ready\n');
  });
});
