// Golden tables for every resource, rendered from realistic fixtures at a fixed NOW.
// UPDATE_GOLDEN=1 rewrites the files; review the diff against the real printers' behaviour.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findResource, RESOURCES } from '../resources.js';
import type { ResourceType } from '../types.js';
import { FIXTURES, NOW } from './fixtures/index.js';
import { columnDefinitions, hasPrinter, toTable, toTableRows } from './index.js';
import type { Table } from './types.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every column, wide, aligned like kubectl's tabwriter; then each row's cells as JSON (types visible). */
function render(table: Table): string {
  const header = table.columnDefinitions.map((c) => c.name.toUpperCase() + (c.priority ? '*' : ''));
  const rows = table.rows.map((r) => r.cells.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd();
  const json = table.rows.map((r) => JSON.stringify(r.cells) + (r.conditions ? `  conditions=${JSON.stringify(r.conditions)}` : ''));
  return [line(header), ...rows.map(line), '', ...json, ''].join('\n');
}

const key = (r: ResourceType) => `${r.group}/${r.resource}`;
const fileName = (r: ResourceType) => `${r.group || 'core'}.${r.resource}.txt`;
const listable = RESOURCES.filter((r) => r.verbs.includes('list'));

describe('server-side tables', () => {
  it('has fixtures for every listable resource', () => {
    expect(listable.filter((r) => !FIXTURES[key(r)]).map(key)).toEqual([]);
  });

  for (const resource of listable) {
    it(`renders ${key(resource)}`, () => {
      const table = toTable(resource, FIXTURES[key(resource)], { now: NOW, resourceVersion: '4242' });
      for (const row of table.rows) {
        expect(row.cells).toHaveLength(table.columnDefinitions.length);
        for (const cell of row.cells) expect(['string', 'number', 'boolean']).toContain(typeof cell);
      }
      golden(fileName(resource), render(table));
    });
  }

  it('renders objects that carry nothing but a name (fresh from a create, before any status)', () => {
    for (const resource of listable) {
      const bare = { apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version, kind: resource.kind, metadata: { name: 'x' } };
      const [row] = toTableRows(resource, [bare], { now: NOW });
      for (const cell of row.cells) expect(['string', 'number', 'boolean']).toContain(typeof cell);
    }
  });

  it('describes every column as the real API server does', () => {
    const all = Object.fromEntries(listable.map((r) => [key(r), columnDefinitions(r)]));
    golden('columns.json', `${JSON.stringify(all, null, 2)}\n`);
  });

  it('uses the default Name / Created At table where the real server has no printer', () => {
    const withoutPrinter = listable.filter((r) => !hasPrinter(r)).map(key);
    expect(withoutPrinter).toEqual(['/limitranges', 'rbac.authorization.k8s.io/clusterroles', 'rbac.authorization.k8s.io/roles']);
  });
});

describe('table envelope', () => {
  const pods = findResource('', 'v1', 'pods')!;
  const [pod] = FIXTURES['/pods'];

  it('carries list metadata and PartialObjectMetadata rows by default', () => {
    const table = toTable(pods, [pod], { now: NOW, resourceVersion: '7', continue: 'abc', remainingItemCount: 3 });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '7', continue: 'abc', remainingItemCount: 3 });
    expect(table.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
  });

  it('includes the whole object, or none, on request', () => {
    expect(toTableRows(pods, [pod], { now: NOW, includeObject: 'Object' })[0].object).toBe(pod);
    expect(toTableRows(pods, [pod], { now: NOW, includeObject: 'None' })[0]).not.toHaveProperty('object');
  });

  it('serves autoscaling/v1 objects through the same printer', () => {
    const v1 = findResource('autoscaling', 'v1', 'horizontalpodautoscalers')!;
    const hpa = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', creationTimestamp: '2026-11-21T11:00:00Z' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 70 },
      status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 35 },
    };
    expect(toTableRows(v1, [hpa], { now: NOW })[0].cells).toEqual(['web', 'Deployment/web', 'cpu: 35%/70%', '1', 4, 2, '60m']);
  });
});
