// kubectl wait (k8s.io/kubectl/pkg/cmd/wait, v1.32): --for=delete|create|condition=X[=v]|
// jsonpath='{…}'[=v], each object watched until met; `pod/x condition met`, or
// `error: timed out waiting for the condition on pods/x` after --timeout (30s by default).
import { isStatusError } from '../../engine/api/errors.js';
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { INTERRUPTED_STATUS } from '../../shell/io.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { evaluate, formatValue, parsePath } from '../printers/jsonpath.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { parseTargets } from './get.js';
import { parseDuration, watchUntil } from './waiting.js';

const FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'local', type: 'bool' },
];

const WEEK_MS = 7 * 24 * 3_600_000;

type Check = (obj: KubeObject) => boolean;

function conditionCheck(forFlag: string): Check | 'delete' | 'create' {
  const lower = forFlag.toLowerCase();
  if (lower === 'delete') return 'delete';
  if (lower === 'create') return 'create';
  if (forFlag.startsWith('condition=')) {
    const rest = forFlag.slice('condition='.length);
    const eq = rest.indexOf('=');
    const name = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? 'true' : rest.slice(eq + 1);
    return (obj) => conditionMet(obj, name, value);
  }
  if (forFlag.startsWith('jsonpath=')) return jsonPathCheck(forFlag.slice('jsonpath='.length));
  throw new UsageError(`unrecognized condition: ${JSON.stringify(forFlag)}`);
}

interface Condition {
  type?: unknown;
  status?: unknown;
  observedGeneration?: unknown;
}

/**
 * kubectl's checkCondition: the first condition whose type equals `name` under case folding
 * decides; a condition (or status) observedGeneration behind metadata.generation is not met yet.
 */
export function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = obj.status as { conditions?: unknown; observedGeneration?: unknown } | undefined;
  const conditions = Array.isArray(status?.conditions) ? (status.conditions as Condition[]) : [];
  for (const c of conditions) {
    if (typeof c?.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status?.observedGeneration;
    if (typeof generation === 'number' && typeof observed === 'number' && observed < generation) return false;
    return equalFold(c.status, value);
  }
  return false;
}

/** Go's strings.EqualFold for the texts conditions use. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

function jsonPathCheck(input: string): Check {
  const close = input.lastIndexOf('}');
  if (!input.startsWith('{') || close < 0) throw new UsageError(`jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
  const expr = input.slice(1, close);
  if (!expr.trim()) throw new UsageError('jsonpath expression cannot be empty');
  const rest = input.slice(close + 1);
  if (rest && !rest.startsWith('=')) throw new UsageError(`jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
  if (rest === '=') throw new UsageError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  const want = rest ? rest.slice(1) : undefined;
  const steps = parsePath(expr.startsWith('.') || expr.startsWith('$') ? expr : `.${expr}`);
  return (obj) => {
    const values = evaluate(steps, [obj]);
    if (values.length !== 1 || values[0] === undefined) return false;
    return want === undefined ? true : formatValue(values[0]) === want;
  };
}

interface Target {
  type: ResourceType;
  namespace?: string;
  name: string;
  uid?: string;
}

async function targets(ctx: KubectlContext, positional: string[], flags: Record<string, unknown>, forDelete: boolean): Promise<Target[]> {
  const namespace = String(flags.namespace ?? ctx.namespace);
  if (!positional.length) throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const out: Target[] = [];
  for (const req of parseTargets(positional)) {
    if (req.names.length) {
      for (const name of req.names) {
        try {
          const obj = await ctx.host.api.get(refOf(req.type, namespace, name));
          out.push({ type: req.type, namespace: obj.metadata.namespace, name, uid: obj.metadata.uid });
        } catch (e) {
          if (!(forDelete && isStatusError(e) && e.code === 404)) throw e;
        }
      }
      continue;
    }
    if (!flags.all && !flags.selector && !flags['field-selector']) throw new UsageError('resource(s) were provided, but no name was specified');
    const list = await ctx.host.api.list(refOf(req.type, flags['all-namespaces'] ? undefined : namespace), { labelSelector: flags.selector as string | undefined, fieldSelector: flags['field-selector'] as string | undefined });
    for (const o of list.items) out.push({ type: req.type, namespace: o.metadata.namespace, name: o.metadata.name!, uid: o.metadata.uid });
  }
  return out;
}

export async function waitCommand(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'wait');
  const check = conditionCheck(String(flags.for));
  const raw = parseDuration(String(flags.timeout), 'timeout');
  const timeoutMs = raw < 0 ? WEEK_MS : raw;
  const list = await targets(ctx, positional, flags, check === 'delete');
  if (!list.length && check !== 'delete') throw new UsageError('no matching resources found');
  for (const t of list) {
    const met = await waitOne(ctx, t, check, timeoutMs);
    if (met === 'interrupted') return INTERRUPTED_STATUS;
    if (met !== 'met') throw new UsageError(met);
    ctx.io.out(flags.output === 'name' ? `${kindPrefix(t.type)}/${t.name}\n` : `${kindPrefix(t.type)}/${t.name} condition met\n`);
  }
  return 0;
}

async function waitOne(ctx: KubectlContext, t: Target, check: Check | 'delete' | 'create', timeoutMs: number): Promise<'met' | 'interrupted' | string> {
  if (check === 'create') return 'met';
  const objectName = `${t.type.resource}/${t.name}`;
  if (timeoutMs === 0) return checkOnce(ctx, t, check, objectName);
  let gone = false;
  const end = await watchUntil(ctx, refOf(t.type, t.namespace), { fieldSelector: `metadata.name=${t.name}`, timeoutMs }, (type, obj) => {
    if (check === 'delete') return type === 'DELETED' || !obj || obj.metadata.uid !== t.uid;
    if (type === 'DELETED' || !obj) return (gone = true);
    return check(obj);
  });
  if (end === 'interrupted') return 'interrupted';
  if (gone) return `${t.type.group ? `${t.type.resource}.${t.type.group}` : t.type.resource} ${JSON.stringify(t.name)} not found`;
  if (end === 'done') return 'met';
  return timeoutMs === 0 ? `condition not met for ${objectName}` : `timed out waiting for the condition on ${objectName}`;
}

/** --timeout=0: look once, do not wait. */
async function checkOnce(ctx: KubectlContext, t: Target, check: Check | 'delete', objectName: string): Promise<'met' | string> {
  const obj = await ctx.host.api.get(refOf(t.type, t.namespace, t.name)).catch((e: unknown) => {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  });
  if (check === 'delete') return !obj || obj.metadata.uid !== t.uid ? 'met' : `condition not met for ${objectName}`;
  if (!obj) return `${t.type.group ? `${t.type.resource}.${t.type.group}` : t.type.resource} ${JSON.stringify(t.name)} not found`;
  return check(obj) ? 'met' : `condition not met for ${objectName}`;
}
