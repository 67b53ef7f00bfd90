import { describe, expect, it } from 'vitest';
import { compareKeys, toYaml } from './yaml.js';

describe('toYaml (sigs.k8s.io/yaml output)', () => {
  it('prints a deployment as kubectl -o yaml does', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        creationTimestamp: '2026-01-01T00:00:00Z',
        generation: 1,
        labels: { app: 'web' },
        name: 'web',
        resourceVersion: '42',
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }] },
        },
      },
      status: {},
    };
    expect(toYaml(obj)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
  creationTimestamp: "2026-01-01T00:00:00Z"
  generation: 1
  labels:
    app: web
  name: web
  resourceVersion: "42"
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
status: {}
`);
  });

  it('quotes strings that would read back as other types, and single-quotes unsafe plain text', () => {
    expect(toYaml({ a: 'true', b: '', c: '*', d: 'x: y', e: "it's", f: '0755', g: 'plain text' })).toBe(
      `a: "true"\nb: ""\nc: '*'\nd: 'x: y'\ne: it's\nf: "0755"\ng: plain text\n`,
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n');
  });

  it('sorts keys in go-yaml order (digit runs numerically)', () => {
    expect(['b', 'a10', 'a2', 'A', '_x'].sort(compareKeys)).toEqual(['_x', 'A', 'a2', 'a10', 'b']);
  });

  it('folds long plain scalars at column 80', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const lines = toYaml({ message: words }).split('\n');
    expect(lines[0].length).toBeGreaterThan(80);
    expect(lines[1].startsWith('  word')).toBe(true);
  });
});
