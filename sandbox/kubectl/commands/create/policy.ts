// create quota|priorityclass|poddisruptionbudget|ingress (create_quota.go, create_priorityclass.go,
// create_pdb.go, create_ingress.go): the flags' small grammars and their error texts.
import { parseLabelSelector } from '../../../engine/api/label-selector.js';
import { canonicalQuantity, parseQuantity } from '../../../engine/api/validation/quantity.js';
import type { KubeObject } from '../../../engine/objects.js';
import { UsageError } from '../../host.js';
import { meta, sortedMap, stringList, type Generator, type GeneratorInput } from './generator.js';

const QUANTITY_SYNTAX = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function quota({ name, flags, explicitNamespace }: GeneratorInput): KubeObject {
  const spec: Record<string, unknown> = {};
  const hard = flags.hard as string | undefined;
  if (hard) {
    const entries = hard.split(',').map((kv): [string, string] => {
      const parts = kv.split('=');
      if (parts.length !== 2) throw new UsageError(`Invalid argument syntax ${kv}, expected <resource>=<value>`);
      if (!parseQuantity(parts[1])) throw new UsageError(QUANTITY_SYNTAX);
      return [parts[0], canonicalQuantity(parts[1])];
    });
    spec.hard = sortedMap(entries);
  }
  const scopes = (flags.scopes as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  if (scopes.length) spec.scopes = scopes;
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: meta(name, explicitNamespace), spec, status: {} } as unknown as KubeObject;
}

function priorityClass({ name, flags }: GeneratorInput): KubeObject {
  const obj: Record<string, unknown> = { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: meta(name, undefined), value: flags.value };
  if (flags['global-default']) obj.globalDefault = true;
  if (flags.description) obj.description = flags.description;
  obj.preemptionPolicy = flags['preemption-policy'];
  return obj as unknown as KubeObject;
}

/** intstr.Parse: a number when the text is one, else the string. */
const intOrString = (s: string): number | string => (/^-?\d+$/.test(s) ? Number(s) : s);

/** metav1.ParseToLabelSelector: equalities become matchLabels, the rest matchExpressions. */
function labelSelector(text: string): Record<string, unknown> {
  let parsed;
  try {
    parsed = parseLabelSelector(text);
  } catch (e) {
    throw new UsageError(`couldn't parse the selector string "${text}": ${(e as Error).message}`);
  }
  const matchLabels: Array<[string, string]> = [];
  const matchExpressions: Array<Record<string, unknown>> = [];
  const ops: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of parsed.requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels.push([r.key, r.values[0]]);
    else if (ops[r.operator]) matchExpressions.push(r.values.length ? { key: r.key, operator: ops[r.operator], values: [...r.values].sort() } : { key: r.key, operator: ops[r.operator] });
    else throw new UsageError(`${JSON.stringify(r.operator)} is not a valid label selector operator`);
  }
  const out: Record<string, unknown> = {};
  if (matchLabels.length) out.matchLabels = sortedMap(matchLabels);
  if (matchExpressions.length) out.matchExpressions = matchExpressions;
  return out;
}

function pdb({ name, flags, explicitNamespace }: GeneratorInput): KubeObject {
  const f = flags as Record<string, string | undefined>;
  if (!f.selector) throw new UsageError('a selector must be specified');
  if (!f['min-available'] && !f['max-unavailable']) throw new UsageError('one of min-available or max-unavailable must be specified');
  if (f['min-available'] && f['max-unavailable']) throw new UsageError('min-available and max-unavailable cannot be both specified');
  const spec: Record<string, unknown> = {};
  if (f['min-available']) spec.minAvailable = intOrString(f['min-available']);
  spec.selector = labelSelector(f.selector);
  if (f['max-unavailable']) spec.maxUnavailable = intOrString(f['max-unavailable']);
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: meta(name, explicitNamespace),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  } as unknown as KubeObject;
}

const HOST_PATH_SVC = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)/;
const TLS_SUFFIX = /(,(tls)=?([\w-]+)?)?/g;
const RULE = new RegExp(HOST_PATH_SVC.source + /(,(tls)=?([\w-]+)?)?/.source);

function backend(service: string, port: string): Record<string, unknown> {
  return { service: { name: service, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

function ingressRules(rules: string[]): Array<Record<string, unknown>> {
  const out: Array<{ host?: string; http: { paths: unknown[] } }> = [];
  for (const rule of rules) {
    const m = HOST_PATH_SVC.exec(rule.replace(TLS_SUFFIX, ''))!;
    const [host, rawPath, svc, port] = [m[1], m[2], m[3], m[4]];
    const prefix = rawPath.endsWith('*');
    const path = { path: prefix ? rawPath.slice(0, -1) : rawPath, pathType: prefix ? 'Prefix' : 'Exact', backend: backend(svc, port) };
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

/** TLS entries: one per secret, each host once. */
function ingressTLS(rules: string[]): Array<Record<string, unknown>> {
  const out: Array<{ hosts?: string[]; secretName?: string }> = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length === 2 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    seen.add(host);
    const same = secret ? out.find((t) => t.secretName === secret) : undefined;
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const tls: { hosts?: string[]; secretName?: string } = {};
    if (host) tls.hosts = [host];
    if (secret) tls.secretName = secret;
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

function ingress({ name, flags, explicitNamespace }: GeneratorInput): KubeObject {
  const rules = stringList(flags.rule);
  const annotations = stringList(flags.annotation);
  const defaultBackend = flags['default-backend'] as string | undefined;
  if (!defaultBackend && !rules.length) {
    throw new UsageError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const r of rules) if (!RULE.test(r)) throw new UsageError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of annotations) if (!a.includes('=')) throw new UsageError(`annotation ${a} is invalid and should be in format key=[value]`);
  if (defaultBackend && defaultBackend.split(':').length !== 2) throw new UsageError('default-backend should be in format servicename:serviceport');
  const extra: Record<string, unknown> = {};
  if (annotations.length) extra.annotations = sortedMap(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const spec: Record<string, unknown> = {};
  if (flags.class) spec.ingressClassName = flags.class;
  if (defaultBackend) spec.defaultBackend = backend(...(defaultBackend.split(':') as [string, string]));
  const tls = ingressTLS(rules);
  if (tls.length) spec.tls = tls;
  if (rules.length) spec.rules = ingressRules(rules);
  return { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: meta(name, explicitNamespace, extra), spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

export const POLICY_GENERATORS: Record<string, Generator> = {
  quota: { flags: [{ name: 'hard', type: 'string' }, { name: 'scopes', type: 'string' }], build: quota, wrapErrors: 'failed to create quota: ' },
  priorityclass: {
    flags: [{ name: 'value', type: 'int', default: 0 }, { name: 'global-default', type: 'bool' }, { name: 'description', type: 'string' }, { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority' }],
    build: priorityClass,
    wrapErrors: 'failed to create priorityclass: ',
  },
  poddisruptionbudget: { flags: [{ name: 'min-available', type: 'string' }, { name: 'max-unavailable', type: 'string' }, { name: 'selector', type: 'string' }], build: pdb, wrapErrors: 'failed to create poddisruptionbudgets: ' },
  ingress: { flags: [{ name: 'rule', type: 'stringArray' }, { name: 'class', type: 'string' }, { name: 'annotation', type: 'stringArray' }, { name: 'default-backend', type: 'string' }], build: ingress, wrapErrors: 'failed to create ingress: ' },
};
