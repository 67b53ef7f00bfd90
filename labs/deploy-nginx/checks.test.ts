import { describe, expect, it } from 'vitest';
import { grade, type GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { findLab } from '../registry.js';
import { manifestDeployments } from './checks.js';

const labChecks = findLab('deploy-nginx')!.grading;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-declarative
spec:
  replicas: 3
  selector: {matchLabels: {app: web-declarative}}
  template:
    metadata: {labels: {app: web-declarative}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

function deployment(name: string, opts: { replicas?: number; ready?: number; image?: string; applied?: boolean } = {}): KubeObject {
  const annotations: Record<string, string> = opts.applied ? { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', annotations },
    spec: { replicas: opts.replicas ?? 3, template: { spec: { containers: [{ name: 'nginx', image: opts.image ?? 'nginx' }] } } },
    status: { readyReplicas: opts.ready ?? 3 },
  };
}

const state = (objects: KubeObject[], files: Record<string, string> = {}): GradingState => ({ objects, files: new Map(Object.entries(files)) });
const results = (s: GradingState) => Object.fromEntries(grade(labChecks.checks, s).map((r) => [r.id, r]));

describe('deploy-nginx checks', () => {
  it('all fail on a fresh cluster, each saying what to do', () => {
    const r = results(state([], { '/root/web-declarative.yaml': '# Write a Deployment here\n' }));
    expect(Object.values(r).every((c) => !c.passed)).toBe(true);
    expect(r['web-created'].message).toContain('kubectl create deployment');
    expect(r['manifest-written'].message).toContain('Write one in the editor');
  });

  it('the imperative checks pass once web has 3 ready nginx replicas', () => {
    expect(results(state([deployment('web', { ready: 1 })]))['web-ready'].message).toBe('web has 1 of 3 replicas ready; wait a moment, or look at kubectl get pods.');
    expect(results(state([deployment('web', { replicas: 2 })]))['web-ready'].passed).toBe(false);
    expect(results(state([deployment('web', { image: 'httpd' })]))['web-ready'].message).toContain('not the nginx image');
    const r = results(state([deployment('web', { image: 'docker.io/library/nginx:1.27' })]));
    expect(r['web-created'].passed && r['web-ready'].passed).toBe(true);
  });

  it('the declarative checks need the file, the apply and the replicas', () => {
    const files = { '/root/web-declarative.yaml': MANIFEST };
    expect(results(state([], files))['manifest-written'].passed).toBe(true);
    expect(results(state([], files))['manifest-applied'].message).toBe(
      'Deployment web-declarative is in /root/web-declarative.yaml but not in the cluster: run kubectl apply -f web-declarative.yaml.',
    );
    expect(results(state([deployment('web-declarative')], files))['manifest-applied'].message).toContain('not created by kubectl apply');
    expect(results(state([deployment('web-declarative', { applied: true })], files))['manifest-applied'].passed).toBe(true);
  });

  it('a manifest for web itself, or a broken file, does not count', () => {
    expect(manifestDeployments(new Map([['/root/a.yaml', MANIFEST.replace(/web-declarative/g, 'web')]])).size).toBe(0);
    expect(manifestDeployments(new Map([['/root/a.yaml', 'kind: Deployment\nmetadata: {name: [']])).size).toBe(0);
    expect(manifestDeployments(new Map([['/tmp/a.yaml', MANIFEST]])).size).toBe(0);
    expect([...manifestDeployments(new Map([['/root/two.yml', `${MANIFEST}---\n${MANIFEST.replace(/web-declarative/g, 'other')}`]]))]).toEqual([
      ['web-declarative', '/root/two.yml'],
      ['other', '/root/two.yml'],
    ]);
  });
});
