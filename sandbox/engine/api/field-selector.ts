// Field selectors (k8s.io/apimachinery/pkg/fields) and the per-kind fields each registry
// exposes for them (the real GetAttrs / field label conversions). An unknown field is the
// real 400 `field label not supported: foo`.
import type { KubeObject } from '../objects.js';

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

export interface FieldSelector {
  requirements: FieldRequirement[];
  matches(obj: KubeObject): boolean;
}

type Getter = (o: any) => string;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const bool = (v: unknown): string => (v ? 'true' : 'false');

const COMMON: Record<string, Getter> = {
  'metadata.name': (o) => str(o.metadata?.name),
  'metadata.namespace': (o) => str(o.metadata?.namespace),
};

/** Per resource (group/resource), the fields besides metadata.name and metadata.namespace. */
const PER_RESOURCE: Record<string, Record<string, Getter>> = {
  pods: {
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => bool(o.spec?.hostNetwork),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  events: {
    'involvedObject.kind': (o) => str(o.involvedObject?.kind),
    'involvedObject.namespace': (o) => str(o.involvedObject?.namespace),
    'involvedObject.name': (o) => str(o.involvedObject?.name),
    'involvedObject.uid': (o) => str(o.involvedObject?.uid),
    'involvedObject.apiVersion': (o) => str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': (o) => str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': (o) => str(o.involvedObject?.fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(o.source?.component),
    type: (o) => str(o.type),
  },
  'events.k8s.io/events': {
    'regarding.kind': (o) => str(o.regarding?.kind),
    'regarding.namespace': (o) => str(o.regarding?.namespace),
    'regarding.name': (o) => str(o.regarding?.name),
    'regarding.uid': (o) => str(o.regarding?.uid),
    'regarding.apiVersion': (o) => str(o.regarding?.apiVersion),
    'regarding.resourceVersion': (o) => str(o.regarding?.resourceVersion),
    'regarding.fieldPath': (o) => str(o.regarding?.fieldPath),
    reason: (o) => str(o.reason),
    reportingController: (o) => str(o.reportingController),
    type: (o) => str(o.type),
    'deprecatedSource.component': (o) => str(o.deprecatedSource?.component),
  },
  namespaces: { 'status.phase': (o) => str(o.status?.phase) },
  nodes: { 'spec.unschedulable': (o) => bool(o.spec?.unschedulable) },
  secrets: { type: (o) => str(o.type) },
  replicationcontrollers: { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'apps/replicasets': { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'batch/jobs': { 'status.successful': (o) => str(o.status?.successful ?? 0) },
  'certificates.k8s.io/certificatesigningrequests': { 'spec.signerName': (o) => str(o.spec?.signerName) },
};

function gettersFor(group: string, resource: string): Record<string, Getter> {
  const key = group ? `${group}/${resource}` : resource;
  return { ...COMMON, ...(PER_RESOURCE[key] ?? {}) };
}

/** Splits on unescaped separators; `\` escapes the next character. */
function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ',') {
      terms.push(cur);
      cur = '';
    } else cur += s[i];
  }
  terms.push(cur);
  return terms;
}

function unescape(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\') {
      const next = v[i + 1];
      if (next !== '\\' && next !== ',' && next !== '=') throw new Error(`invalid field selector: invalid escape sequence: ${JSON.stringify(v.slice(i, i + 2))}`);
      out += next;
      i++;
    } else out += v[i];
  }
  return out;
}

function parseTerm(term: string): FieldRequirement {
  for (const op of ['!=', '==', '='] as const) {
    const i = term.indexOf(op);
    if (i >= 0) return { field: term.slice(0, i), operator: op, value: unescape(term.slice(i + op.length)) };
  }
  throw new Error(`invalid selector: '${term}'; can't understand '${term}'`);
}

/**
 * Parses a field selector for a resource; throws Error with the API server's text
 * (a syntax error or `field label not supported: x`).
 */
export function parseFieldSelector(selector: string, group: string, resource: string): FieldSelector {
  const requirements = selector.trim() === '' ? [] : splitTerms(selector).map(parseTerm);
  const getters = gettersFor(group, resource);
  for (const r of requirements) {
    if (!getters[r.field]) throw new Error(`field label not supported: ${r.field}`);
  }
  return {
    requirements,
    matches: (obj) =>
      requirements.every((r) => {
        const actual = getters[r.field](obj);
        return r.operator === '!=' ? actual !== r.value : actual === r.value;
      }),
  };
}
