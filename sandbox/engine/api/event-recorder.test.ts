import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../engine.js';
import { cm, newEngine, ref } from './test-helpers.js';
import type { KubeObject } from '../objects.js';

type Ev = KubeObject & { count: number; message: string; reason: string };
const events = (e: Engine) => e.api.list(ref('events', 'default')).items as Ev[];

describe('event recorder', () => {
  it('finds the repeat of an Event without reading the namespace’s other Events', () => {
    const e = newEngine();
    const subject = e.api.create(ref('configmaps', 'default'), cm('subject'));
    for (let i = 0; i < 300; i++) e.recordEvent('kubelet', subject, 'Normal', 'Pulled', `message ${i}`, 'node01');
    const list = vi.spyOn(e.store, 'list');
    e.recordEvent('kubelet', subject, 'Normal', 'Pulled', 'message 7', 'node01');
    expect(list).not.toHaveBeenCalled();
    const all = events(e);
    expect(all).toHaveLength(300);
    expect(all.filter((x) => x.count === 2).map((x) => x.message)).toEqual(['message 7']);
  });

  it('keeps source host, type and reason apart and starts over after a deletion', () => {
    const e = newEngine();
    const subject = e.api.create(ref('configmaps', 'default'), cm('subject'));
    e.recordEvent('kubelet', subject, 'Normal', 'Pulled', 'm', 'node01');
    e.recordEvent('kubelet', subject, 'Normal', 'Pulled', 'm', 'node02');
    e.recordEvent('kubelet', subject, 'Warning', 'Pulled', 'm', 'node01');
    expect(events(e).map((x) => x.count)).toEqual([1, 1, 1]);
    const [first] = events(e);
    e.api.delete(ref('events', 'default', first.metadata.name));
    e.recordEvent('kubelet', subject, 'Normal', 'Pulled', 'm', 'node01');
    expect(events(e).map((x) => x.count)).toEqual([1, 1, 1]);
  });

  it('aggregates with Events that existed before (a restored engine, or Events written through the API)', () => {
    const e = newEngine();
    const subject = e.api.create(ref('configmaps', 'default'), cm('subject'));
    e.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'up');
    const restored = Engine.restore(JSON.parse(JSON.stringify(e.snapshot())));
    restored.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'up');
    expect(events(restored).map((x) => x.count)).toEqual([2]);
    // An edited Event is found under its new message.
    const [ev] = events(restored);
    restored.api.update(ref('events', 'default', ev.metadata.name), { ...ev, message: 'down' });
    restored.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'down');
    restored.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'up');
    expect(events(restored).map((x) => [x.message, x.count])).toEqual([['down', 3], ['up', 1]]);
  });
});
