// What the inspector shows of one object: its YAML (read-only), the lines its last change
// touched, and the Events about it, oldest first as `kubectl describe` lists them.
import { stringify } from 'yaml';
import type { KubeObject } from '../engine/objects.js';
import { resourceOfKind, type ObjectLink } from './facts.js';

export interface DetailEvent {
  type: string;
  reason: string;
  from: string;
  message: string;
  count: number;
}

export interface ObjectDetail {
  link: ObjectLink;
  /** False once the object is gone (the YAML is then its last version seen). */
  exists: boolean;
  yaml: string;
  /** 0-based line numbers of `yaml` that the last change added or altered. */
  changed: number[];
  events: DetailEvent[];
}

/** The YAML kubectl get -o yaml would print, less managedFields (kubectl hides them too). */
export function objectYaml(obj: KubeObject | undefined): string {
  if (!obj) return '';
  const { managedFields: _hidden, ...metadata } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return stringify({ ...obj, metadata }, { lineWidth: 0 });
}

/** Lines of `after` not in `before` (as a multiset, so a moved line is not a change). */
export function changedLines(before: string, after: string): number[] {
  if (!before) return [];
  const pool = new Map<string, number>();
  for (const l of before.split('\n')) pool.set(l, (pool.get(l) ?? 0) + 1);
  const out: number[] = [];
  after.split('\n').forEach((line, i) => {
    const n = pool.get(line) ?? 0;
    if (n > 0) pool.set(line, n - 1);
    else out.push(i);
  });
  return out;
}

type LooseEvent = KubeObject & {
  involvedObject?: { kind?: string; name?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  source?: { component?: string; host?: string };
  lastTimestamp?: string;
  eventTime?: string;
};

export function eventsAbout(link: ObjectLink, events: KubeObject[]): DetailEvent[] {
  return (events as LooseEvent[])
    .filter((e) => e.involvedObject?.name === link.name && resourceOfKind(e.involvedObject.kind) === link.resource.split('/')[0])
    .sort((a, b) => String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(String(b.lastTimestamp ?? b.eventTime ?? '')))
    .map((e) => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      from: e.source?.host ? `${e.source.component ?? ''}, ${e.source.host}`.replace(/^, /, '') : (e.source?.component ?? ''),
      message: e.message ?? '',
      count: e.count ?? 1,
    }));
}

export function objectDetail(link: ObjectLink, current: KubeObject | undefined, before: KubeObject | undefined, events: KubeObject[], gone: boolean): ObjectDetail {
  const yaml = objectYaml(current);
  return { link, exists: !gone, yaml, changed: changedLines(objectYaml(before), yaml), events: eventsAbout(link, events) };
}
