// kubectl against an API server that refuses connections (its kube-apiserver is stopped), as the
// real kubectl 1.32 prints it. client-go's memory-cached discovery logs one klog error line per
// failed attempt to list the API groups (`memcache.go:265] "Unhandled Error" err="couldn't get
// current server API group list: …"`) and each command path tries a fixed number of times before
// the command's own wording of the refusal: get/describe/delete build a resource mapper (5 tries,
// 4 for a `TYPE/NAME` argument), logs/exec/port-forward/cordon resolve one object (4), `events
// --for` 2 and `events` none, run/api-resources ask once, create
// generators and apply's validation never go through discovery (0). The counts were observed
// with the real kubectl 1.32 against a closed port (differential/api-down.test.ts keeps them).
import type { Clock } from '../engine/clock.js';
import type { ResourceRef } from '../engine/api/types.js';
import { ConnectionRefusedError, type KubeClient } from './client.js';
import { UsageError } from './host.js';
import { KlogWriter } from './verbose.js';

/** Discovery attempts before the error, by verb (and by subcommand where they differ). */
const ATTEMPTS: Record<string, number> = {
  logs: 4,
  exec: 4,
  attach: 4,
  'port-forward': 4,
  cordon: 4,
  uncordon: 4,
  drain: 4,
  taint: 2,
  explain: 2,
  auth: 2,
  run: 1,
  'api-resources': 1,
  'api-versions': 1,
  version: 0,
  top: 0,
  create: 0,
  apply: 0,
  replace: 0,
};
/**
 * get, describe, delete, edit, scale, label, annotate, patch, expose, set, wait, autoscale,
 * cluster-info, rollout status: the resource builder tries 5 times for `TYPE [NAME…]`, 4 for
 * `TYPE/NAME` (observed with kubectl 1.32: `get pod x` 5, `get pod/x` 4).
 */
const RESOURCE_BUILDER_ATTEMPTS = 5;
const TYPE_SLASH_NAME_ATTEMPTS = 4;

/** Flags whose value may follow as the next argument (so that value is no resource argument). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container', '--field-selector', '--for', '--timeout', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--sort-by', '--template', '-p', '--patch', '--type', '--name', '--port', '--image', '--replicas']);

/** The arguments that are neither flags nor flag values: resources, names, the set subcommand. */
function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i].startsWith('-')) {
      if (VALUE_FLAGS.has(args[i])) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/** How many memcache.go lines the real kubectl writes before reporting the refusal. */
export function discoveryAttempts(verb: string, args: string[]): number {
  const fromFile = args.some((a) => a === '-f' || a.startsWith('--filename') || /^-f./.test(a));
  if (verb === 'auth' && args.includes('whoami')) return 0;
  if (verb === 'rollout' && !args.includes('status')) return 4;
  if (fromFile && (verb === 'delete' || verb === 'get')) return 1;
  // events reads its list straight away; only --for resolves a resource (2 tries).
  if (verb === 'events') return args.some((a) => a === '--for' || a.startsWith('--for=')) ? 2 : 0;
  if (ATTEMPTS[verb] !== undefined) return ATTEMPTS[verb];
  const resourceArg = positionals(args)[verb === 'set' || verb === 'rollout' ? 1 : 0];
  return resourceArg?.includes('/') ? TYPE_SLASH_NAME_ATTEMPTS : RESOURCE_BUILDER_ATTEMPTS;
}

/** `E1121 20:00:00.000000    4242 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"…/api?timeout=32s\": …"`. */
export function discoveryErrorLine(e: ConnectionRefusedError): string {
  const cause = e.requestError('Get', `${e.server}/api?timeout=32s`);
  return `"Unhandled Error" err=${JSON.stringify(`couldn't get current server API group list: ${cause}`)}`;
}

/**
 * The client a command gets: the first refused call writes the discovery klog lines (once), so
 * they come before anything the command prints on its way out (api-resources' header,
 * cluster-info's dump hint), as in the real kubectl where discovery runs first.
 */
export function reportingRefusals(client: KubeClient, attempts: number, clock: Clock, err: (s: string) => void): KubeClient {
  let reported = false;
  const klog = new KlogWriter(clock, err, 'E');
  const report = (e: unknown) => {
    if (reported || !(e instanceof ConnectionRefusedError)) return;
    reported = true;
    for (let i = 0; i < attempts; i++) klog.info('memcache.go:265', discoveryErrorLine(e));
  };
  const out = { ...client } as Record<string, unknown>;
  for (const [name, value] of Object.entries(client)) {
    if (typeof value !== 'function') continue;
    const f = value as (...a: unknown[]) => unknown;
    out[name] = (...a: unknown[]) => {
      try {
        const result = f.apply(client, a);
        return result instanceof Promise ? result.catch((e: unknown) => (report(e), Promise.reject(e))) : result;
      } catch (e) {
        report(e);
        throw e;
      }
    };
  }
  return out as unknown as KubeClient;
}

/** `/api/v1/namespaces/default/configmaps` or `/apis/apps/v1/namespaces/default/deployments`. */
export function collectionPath(ref: ResourceRef): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  return `${base}${ref.namespace ? `/namespaces/${ref.namespace}` : ''}/${ref.resource}`;
}

/** create's generators: `failed to create deployment: Post "…?fieldManager=kubectl-create&fieldValidation=Strict": dial tcp …`. */
export function refusedCreate(e: ConnectionRefusedError, prefix: string, ref: ResourceRef, fieldManager: string): UsageError {
  const url = `${e.server}${collectionPath(ref)}?fieldManager=${encodeURIComponent(fieldManager)}&fieldValidation=Strict`;
  return new UsageError(`${prefix}${e.requestError('Post', url)}`);
}

/** apply/create/replace -f validate against the OpenAPI document first, and cannot download it. */
export function refusedValidation(e: ConnectionRefusedError, source: string): UsageError {
  const cause = e.requestError('Get', `${e.server}/openapi/v2?timeout=32s`);
  return new UsageError(`error validating ${JSON.stringify(source)}: error validating data: failed to download openapi: ${cause}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

/** delete -f maps the file's kind through discovery: `unable to recognize "cm.yaml": Get "…/api?timeout=32s": …`. */
export function refusedRecognize(e: ConnectionRefusedError, source: string): UsageError {
  return new UsageError(`unable to recognize ${JSON.stringify(source)}: ${e.requestError('Get', `${e.server}/api?timeout=32s`)}`);
}
