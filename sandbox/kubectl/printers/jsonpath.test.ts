import { describe, expect, it } from 'vitest';
import { execute, parseTemplate } from './jsonpath.js';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, status: { phase: 'Running', podIP: '10.0.0.1' }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] } },
    { metadata: { name: 'b', labels: { 'app.kubernetes.io/name': 'db' } }, status: { phase: 'Pending' }, spec: { containers: [{ image: 'redis' }] } },
  ],
};
const run = (t: string) => execute(parseTemplate(t), list);

describe('kubectl jsonpath', () => {
  it('selects fields over arrays, joined by spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('{.items[0].spec.containers[*].image}')).toBe('nginx busybox');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
  });
  it('iterates with range and prints quoted text', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('a\tRunning\nb\tPending\n');
  });
  it('filters and descends recursively', () => {
    expect(run('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('a');
    expect(run('{..image}')).toBe('nginx busybox redis');
  });
  it('escapes dots in label keys and allows missing keys', () => {
    expect(run('{.items[1].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('db');
    expect(run('{.items[*].status.podIP}')).toBe('10.0.0.1');
    expect(run('{.nothing.here}')).toBe('');
  });
  it('prints objects as JSON and keeps literal text', () => {
    expect(run('labels: {.items[0].metadata.labels}')).toBe('labels: {"app":"web"}');
  });
});
