import { describe, expect, it } from 'vitest';
import { eventsFor, get, ref, settledCluster } from '../controllers/scenario-helpers.test-util.js';

const stressPod = (name: string, vmBytes: string, limit: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name: `${name}-ctr`, image: 'polinux/stress', resources: { requests: { memory: '50Mi' }, limits: { memory: limit } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', vmBytes, '--vm-hang', '1'] }] },
});

describe('memory limits', () => {
  it('OOM-kills a container that allocates past its limit, then backs off (docs memory-demo-2)', () => {
    const e = settledCluster();
    e.api.create(ref('', 'pods', 'default'), stressPod('memory-demo-2', '250M', '100Mi'));
    e.advance(20_000);
    let s = get(e, '', 'pods', 'default', 'memory-demo-2').status;
    expect(s.qosClass).toBe('Burstable');
    expect(s.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1);
    expect(s.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    e.advance(60_000);
    s = get(e, '', 'pods', 'default', 'memory-demo-2').status;
    expect(eventsFor(e, 'default', 'Pod', 'memory-demo-2').some((l) => l.startsWith('Warning BackOff kubelet: Back-off restarting failed container memory-demo-2-ctr'))).toBe(true);
  });

  it('lets a container within its limit run', () => {
    const e = settledCluster();
    e.api.create(ref('', 'pods', 'default'), stressPod('memory-demo', '150M', '200Mi'));
    e.advance(60_000);
    const s = get(e, '', 'pods', 'default', 'memory-demo').status;
    expect(s.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0 });
  });
});
