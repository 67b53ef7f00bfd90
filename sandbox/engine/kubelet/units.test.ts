import { describe, expect, it } from 'vitest';
import { goDuration } from './go-duration.js';
import { admitPod } from './admission.js';
import { allocatePodIP, newNodeRuntime } from './runtime-state.js';
import { qosClass } from './pod-status.js';
import { pullErrorText } from './pod-worker.js';
import { parseImageRef, normalizedImage } from '../images/reference.js';
import { resolveImage } from '../images/catalogue.js';

describe('kubelet helpers', () => {
  it('prints durations as Go does', () => {
    expect(goDuration(821)).toBe('821ms');
    expect(goDuration(1200)).toBe('1.2s');
    expect(goDuration(3000)).toBe('3s');
    expect(goDuration(63_500)).toBe('1m3.5s');
  });
  it('hands out pod IPs like host-local IPAM: .2 first, then the next free one', () => {
    const rt = newNodeRuntime();
    expect(allocatePodIP(rt, '10.244.1.0/24')).toBe('10.244.1.2');
    rt.pods.a = { uid: 'a', key: 'x', seenAt: 0, sandboxReadyAt: 0, ip: '10.244.1.2', containers: [] };
    expect(allocatePodIP(rt, '10.244.1.0/24')).toBe('10.244.1.3');
  });
  it('classifies QoS', () => {
    const c = (resources: object) => ({ spec: { containers: [{ name: 'c', resources }] } });
    expect(qosClass(c({}))).toBe('BestEffort');
    expect(qosClass(c({ requests: { cpu: '100m' } }))).toBe('Burstable');
    expect(qosClass(c({ limits: { cpu: '1', memory: '1Gi' } }))).toBe('Guaranteed');
  });
  it('normalises image references and knows which exist', () => {
    expect(normalizedImage(parseImageRef('nginx'))).toBe('docker.io/library/nginx:latest');
    expect(normalizedImage(parseImageRef('bitnami/redis:7'))).toBe('docker.io/bitnami/redis:7');
    expect(normalizedImage(parseImageRef('registry.k8s.io/pause:3.10'))).toBe('registry.k8s.io/pause:3.10');
    expect(resolveImage('nginx:1.27')).toBeDefined();
    expect(resolveImage('nginx:9.99')).toBeUndefined();
    expect(resolveImage('nginxx')).toBeUndefined();
    expect(pullErrorText('nginxx')).toBe(
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });
});

describe('kubelet admission', () => {
  const node = { metadata: { name: 'node01' }, status: { allocatable: { cpu: '2', memory: '3902636Ki', pods: '110' } } };
  const pod = (cpu: string) => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] } });
  it('rejects a pod the node cannot hold with the real reason and message', () => {
    expect(admitPod(pod('3'), node, [pod('250m')])).toEqual({ reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 3000, used: 250, capacity: 2000" });
    expect(admitPod(pod('1'), node, [pod('250m')])).toBeUndefined();
  });
});
