// Pod cells in the corner cases the real printer's own tests pin down (sidecars that have or
// have not started, failed sidecars in a finished pod, statuses naming unknown containers).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects.js';
import { podPrinter } from './pods.js';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const secondsAgo = (s: number) => new Date(NOW - s * 1000).toISOString();
const sidecar = (name: string) => ({ name, image: 'x', restartPolicy: 'Always' });

function cells(spec: Record<string, unknown>, status: Record<string, unknown>) {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'main', image: 'x' }], ...spec }, status } as KubeObject;
  return podPrinter.cells(pod, NOW).slice(1, 5);
}

describe('pod READY / STATUS / RESTARTS', () => {
  const twoSidecars = { initContainers: [sidecar('s1'), sidecar('s2')] };
  const waitingMain = [{ name: 'main', ready: false, restartCount: 0, state: { waiting: {} } }];
  const notInitialized = [{ type: 'Initialized', status: 'False' }];

  it('counts sidecars in READY and shows Init:i/n until each has started', () => {
    const s1 = { name: 's1', ready: false, restartCount: 3, state: { running: {} }, lastState: { terminated: { finishedAt: secondsAgo(10) } } };
    expect(cells(twoSidecars, { phase: 'Pending', conditions: notInitialized, containerStatuses: waitingMain,
      initContainerStatuses: [{ ...s1, started: false }, { name: 's2', ready: false, started: false, state: { waiting: {} } }] })).toEqual(['0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']);
    expect(cells(twoSidecars, { phase: 'Pending', conditions: notInitialized, containerStatuses: waitingMain,
      initContainerStatuses: [{ ...s1, started: true }, { name: 's2', ready: false, started: false, state: { running: {} } }] })).toEqual(['0/3', 'Init:1/2', '3 (10s ago)', '<unknown>']);
  });

  it('adds sidecar and container restarts, dated by the latest termination', () => {
    expect(cells(twoSidecars, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [
        { name: 's1', ready: false, started: true, restartCount: 3, state: { running: {} }, lastState: { terminated: { finishedAt: secondsAgo(10) } } },
        { name: 's2', ready: false, started: true, state: { running: {} } },
      ],
      containerStatuses: [{ name: 'main', ready: true, restartCount: 4, state: { running: {} }, lastState: { terminated: { finishedAt: secondsAgo(20) } } }],
    })).toEqual(['1/3', 'Running', '7 (10s ago)', '<unknown>']);
  });

  it('shows Completed for a finished pod whose sidecars failed', () => {
    expect(cells(twoSidecars, {
      phase: 'Succeeded',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [
        { name: 's1', ready: false, started: false, restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, lastState: { terminated: { finishedAt: secondsAgo(10) } } },
        { name: 's2', ready: false, started: false, state: { terminated: { reason: 'Error', exitCode: 137 } } },
      ],
      containerStatuses: [{ name: 'main', ready: false, restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: { terminated: { finishedAt: secondsAgo(20) } } }],
    })).toEqual(['0/3', 'Completed', '7 (10s ago)', '<unknown>']);
  });

  it('treats statuses of unknown containers as plain init containers', () => {
    expect(cells({ initContainers: [{ name: 'init1', image: 'i' }, sidecar('sidecar1')] }, {
      phase: 'Running',
      initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
      containerStatuses: [{ name: 'containerinvalid' }, { name: 'main' }],
    })).toEqual(['0/2', 'Init:0/2', '0', '<unknown>']);
  });

  it('keeps a terminal phase while the pod is deleted', () => {
    const deleted = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', deletionTimestamp: secondsAgo(1) }, spec: { containers: [{ name: 'main' }] }, status: { phase: 'Succeeded' } } as KubeObject;
    expect(podPrinter.cells(deleted, NOW)[2]).toBe('Succeeded');
  });
});
