// -o json|yaml|name for objects and lists, as kubectl prints them: JSON with four-space
// indentation and sorted keys, YAML via sigs.k8s.io/yaml, several objects wrapped in a List.
import type { KubeObject } from '../../engine/objects.js';
import { toYaml } from './yaml.js';

export type OutputFormat = 'json' | 'yaml' | 'name' | 'wide' | '';

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 4) + '\n';
}

/** What -o json/yaml prints for several objects: a v1 List. */
export function asList(items: KubeObject[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function printObjects(items: KubeObject[], format: 'json' | 'yaml', single: boolean): string {
  const value = single && items.length === 1 ? items[0] : asList(items);
  return format === 'json' ? toJson(value) : toYaml(value);
}
