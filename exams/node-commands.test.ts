import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock';
import { createDefaultCluster } from '../sandbox/engine/cluster';
import { isNodeFailed } from '../sandbox/engine/node-faults';
import { runNodeCommand } from './node-commands';

describe('setup commands on a node', () => {
  const engine = createDefaultCluster({ clock: new ManualClock(Date.parse('2026-01-05T09:00:00Z')), random: new SeededRandom(3), workers: 1, settleMs: 1_000 });

  it('stop the kubelet through systemctl, as a candidate would find it', () => {
    runNodeCommand(engine, 'node01', 'systemctl stop kubelet');
    expect(isNodeFailed(engine, 'node01')).toBe(true);
    runNodeCommand(engine, 'node01', 'systemctl start kubelet');
    expect(isNodeFailed(engine, 'node01')).toBe(false);
  });

  it('refuse what they cannot run and say why', () => {
    expect(() => runNodeCommand(engine, 'node01', 'systemctl stop kubelet | cat')).toThrow('setup command "systemctl stop kubelet | cat": only simple commands (words, no quotes, pipes or redirections)');
    expect(() => runNodeCommand(engine, 'node01', 'reboot now')).toThrow('no command reboot on the node');
    expect(() => runNodeCommand(engine, 'node01', 'systemctl frobnicate kubelet')).toThrow(/exited with status 1: Unknown command verb frobnicate/);
  });
});
