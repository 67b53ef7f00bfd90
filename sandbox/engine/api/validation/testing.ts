// Test support: runs an object through defaults and validation the way the write path does and
// returns the Status a client would see (undefined when the object is valid).
import type { KubeObject } from '../../objects.js';
import { clone } from '../../objects.js';
import { applyDefaults } from '../defaults/index.js';
import { invalid, type Status } from '../errors.js';
import { validateCreate, validateUpdate } from './index.js';

export function qualifiedKind(obj: KubeObject): { group: string; kind: string } {
  const slash = obj.apiVersion.indexOf('/');
  return { group: slash >= 0 ? obj.apiVersion.slice(0, slash) : '', kind: obj.kind };
}

/** Create (or, with `old`, update) `input` after defaulting both, as the API server would. */
export function statusFor(input: KubeObject, old?: KubeObject): Status | undefined {
  const obj = clone(input);
  applyDefaults(obj);
  let errors;
  if (old) {
    const prev = clone(old);
    applyDefaults(prev);
    errors = validateUpdate(obj, prev);
  } else errors = validateCreate(obj);
  return errors.length ? invalid(qualifiedKind(obj), obj.metadata?.name ?? '', errors).status : undefined;
}

// Fixtures: small valid objects that cases break one field at a time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
export const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const QNAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const meta = (name: string, namespaced = true) => (namespaced ? { name, namespace: 'default' } : { name });

export const container = (extra: Any = {}): Any => ({ name: 'web', image: 'nginx:1.27', ...extra });

export const pod = (spec: Any = {}, name = 'web', metadata: Any = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { ...meta(name), ...metadata },
  spec: { containers: [container()], ...spec },
});

export const template = (spec: Any = {}, labels: Any = { app: 'web' }): Any => ({ metadata: { labels }, spec: { containers: [container()], ...spec } });

export const deployment = (spec: Any = {}, name = 'web'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta(name),
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
});

export const workload = (kind: string, spec: Any = {}, name = 'web'): KubeObject => ({ ...deployment(spec, name), kind });

export const service = (spec: Any = {}, name = 'web'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name),
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
});

export const job = (spec: Any = {}, name = 'pi'): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: meta(name),
  spec: { template: { spec: { containers: [container()], restartPolicy: 'Never' } }, ...spec },
});

export const cronJob = (spec: Any = {}, name = 'tick'): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: meta(name),
  spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [container()], restartPolicy: 'OnFailure' } } } }, ...spec },
});

export const object = (apiVersion: string, kind: string, name: string, body: Any = {}, namespaced = true): KubeObject => ({
  apiVersion,
  kind,
  metadata: meta(name, namespaced),
  ...body,
});

/** What a stored object looks like to an update: it has a uid, a creation time and a resourceVersion. */
export const stored = (obj: KubeObject): KubeObject => ({
  ...obj,
  metadata: { ...obj.metadata, uid: 'u-1', creationTimestamp: '2026-01-01T00:00:00Z', resourceVersion: '1' },
});

export interface Case {
  name: string;
  obj: KubeObject;
  old?: KubeObject;
  message: string;
  /** The message only starts with `message` (texts with a Go diff after them). */
  messagePrefix?: boolean;
  /** [reason, field] of each cause, in order. */
  causes: [string, string][];
}

/** The parts of the Status a case asserts, as the API server produced them … */
export function actualOf(c: Case) {
  const status = statusFor(c.obj, c.old);
  const message = status?.message ?? '';
  return {
    code: status?.code,
    reason: status?.reason,
    message: c.messagePrefix ? message.slice(0, c.message.length) : message,
    causes: status?.details?.causes?.map((x) => [x.reason, x.field]),
    // Every cause's text appears in the message as `field: text`, as Go's aggregate prints it.
    causesInMessage: (status?.details?.causes ?? []).every((x) => message.includes(`${x.field}: ${x.message}`)),
  };
}

/** … and as the case expects them. */
export const expectedOf = (c: Case) => ({ code: 422, reason: 'Invalid', message: c.message, causes: c.causes, causesInMessage: true });
