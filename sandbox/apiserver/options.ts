// Query parameters and DeleteOptions bodies turned into the engine's option objects.
import { badRequest } from '../engine/api/errors.js';
import type { DeleteOptions, FieldValidation, ListOptions, PropagationPolicy, UserInfo, WatchOptions, WriteOptions } from '../engine/api/types.js';

const str = (q: URLSearchParams, key: string) => q.get(key) ?? undefined;
const flag = (q: URLSearchParams, key: string) => q.get(key) === 'true' || q.get(key) === '1';

function intParam(q: URLSearchParams, key: string): number | undefined {
  const raw = q.get(key);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  return n;
}

export function isWatch(q: URLSearchParams): boolean {
  return flag(q, 'watch');
}

export function listOptions(q: URLSearchParams): ListOptions {
  const out: ListOptions = {};
  const labelSelector = str(q, 'labelSelector');
  const fieldSelector = str(q, 'fieldSelector');
  const limit = intParam(q, 'limit');
  const cont = str(q, 'continue');
  const resourceVersion = str(q, 'resourceVersion');
  const match = str(q, 'resourceVersionMatch');
  if (labelSelector) out.labelSelector = labelSelector;
  if (fieldSelector) out.fieldSelector = fieldSelector;
  if (limit !== undefined && limit > 0) out.limit = limit;
  if (cont) out.continue = cont;
  if (resourceVersion !== undefined) out.resourceVersion = resourceVersion;
  if (match === 'Exact' || match === 'NotOlderThan') out.resourceVersionMatch = match;
  return out;
}

export function watchOptions(q: URLSearchParams, fieldSelector?: string): WatchOptions {
  const rv = str(q, 'resourceVersion');
  const out: WatchOptions = {
    allowWatchBookmarks: flag(q, 'allowWatchBookmarks'),
    // "" and "0" mean: the current state as ADDED events, then changes.
    sendInitialEvents: q.has('sendInitialEvents') ? flag(q, 'sendInitialEvents') : !rv || rv === '0',
  };
  const labelSelector = str(q, 'labelSelector');
  const fields = [str(q, 'fieldSelector'), fieldSelector].filter(Boolean).join(',');
  if (labelSelector) out.labelSelector = labelSelector;
  if (fields) out.fieldSelector = fields;
  if (rv && rv !== '0') out.resourceVersion = rv;
  return out;
}

const FIELD_VALIDATION = new Set(['Strict', 'Warn', 'Ignore']);

function dryRunOf(values: string[]): boolean {
  for (const v of values) if (v !== 'All') throw badRequest(`Invalid dryRun value ${JSON.stringify(v)}; the only accepted value is "All"`);
  return values.length > 0;
}

export function writeOptions(q: URLSearchParams, user: UserInfo, actor: string): WriteOptions {
  const out: WriteOptions = { user, actor };
  if (dryRunOf(q.getAll('dryRun'))) out.dryRun = true;
  const fieldManager = str(q, 'fieldManager');
  if (fieldManager) out.fieldManager = fieldManager;
  const validation = str(q, 'fieldValidation');
  if (validation) {
    if (!FIELD_VALIDATION.has(validation)) throw badRequest(`fieldValidation parameter unsupported: ${validation}`);
    out.fieldValidation = validation as FieldValidation;
  }
  if (flag(q, 'force')) out.force = true;
  return out;
}

const POLICIES = new Set(['Foreground', 'Background', 'Orphan']);

/** DeleteOptions from the body (kubectl sends `{"propagationPolicy":"Background"}`) and the query. */
export function deleteOptions(q: URLSearchParams, body: Record<string, unknown> | undefined, user: UserInfo, actor: string): DeleteOptions {
  const out: DeleteOptions = { user, actor };
  const policy = (body?.propagationPolicy as string | undefined) ?? str(q, 'propagationPolicy');
  if (policy !== undefined) {
    if (!POLICIES.has(policy)) throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
    out.propagationPolicy = policy as PropagationPolicy;
  } else if (body?.orphanDependents === true || q.get('orphanDependents') === 'true') out.propagationPolicy = 'Orphan';
  const grace = (body?.gracePeriodSeconds as number | undefined) ?? intParam(q, 'gracePeriodSeconds');
  if (grace !== undefined) out.gracePeriodSeconds = grace;
  const pre = body?.preconditions as DeleteOptions['preconditions'];
  if (pre) out.preconditions = pre;
  const dry = Array.isArray(body?.dryRun) ? (body!.dryRun as string[]) : q.getAll('dryRun');
  if (dryRunOf(dry)) out.dryRun = true;
  return out;
}
