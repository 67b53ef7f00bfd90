// kubectl events (k8s.io/kubectl/pkg/cmd/events, v1.32): LAST SEEN, TYPE, REASON, OBJECT,
// MESSAGE, oldest first; --for=kind/name, --types, -A, -w.
import { humanDuration } from '../../engine/api/table/duration.js';
import { INTERRUPTED_STATUS } from '../../shell/io.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { tabwrite } from '../printers/tabwriter.js';
import { resolveType } from '../resource-types.js';

const FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'for', type: 'string', default: '' },
  { name: 'types', type: 'stringArray' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'chunk-size', type: 'int', default: 500 },
];

const EVENTS = { group: '', version: 'v1', resource: 'events' };

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  series?: { count: number; lastObservedTime: string };
  involvedObject: { kind?: string; name?: string };
  metadata: { namespace?: string; creationTimestamp?: string };
}

const since = (now: number, t: string | null | undefined) => (t ? humanDuration(now - Date.parse(t)) : '<unknown>');

function interval(e: EventLike, now: number): string {
  const first = e.eventTime ? since(now, e.eventTime) : since(now, e.firstTimestamp);
  if (e.series) return `${since(now, e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(now, e.lastTimestamp)} (x${e.count} over ${first})`;
  return first;
}

/** SortableEvents: by series' last observation, else lastTimestamp, else eventTime. */
function sortTime(e: EventLike): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return t ? Date.parse(t) : 0;
}

function row(e: EventLike, now: number, allNamespaces: boolean): string {
  return `${allNamespaces ? `${e.metadata.namespace}\t` : ''}${interval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}\t${(e.message ?? '').trim()}\n`;
}

export async function events(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'events');
  if (positional.length) throw new UsageError(`unknown command "${positional[0]}" for "kubectl events"`);
  const types = ((flags.types as string[] | undefined) ?? []).flatMap((t) => t.split(','));
  if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase()))) throw new UsageError('valid --types are Normal or Warning');
  const all = Boolean(flags['all-namespaces']);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const fieldSelector = forSelector(String(flags.for));
  const keep = (e: EventLike) => !types.length || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  const header = flags['no-headers'] ? '' : `${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
  if (flags.watch) return watchEvents(ctx, all ? undefined : namespace, fieldSelector, keep, header, all);
  const list = await ctx.host.api.list({ ...EVENTS, namespace: all ? undefined : namespace }, { fieldSelector });
  const items = (list.items as unknown as EventLike[]).filter(keep).sort((a, b) => sortTime(a) - sortTime(b));
  if (!items.length) {
    ctx.io.err(all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    return 0;
  }
  const now = ctx.host.clock.now();
  ctx.io.out(tabwrite(header + items.map((e) => row(e, now, all)).join('')));
  return 0;
}

function forSelector(forFlag: string): string | undefined {
  if (!forFlag) return undefined;
  const [typed, name, extra] = forFlag.split('/');
  if (extra !== undefined) throw new UsageError('arguments in resource/name form may not have more than one slash');
  if (!name) throw new UsageError('--for must be in resource/name form');
  const type = resolveType(typed);
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  return `involvedObject.kind=${type.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${name}`;
}

/** Prints each new event as it comes, aligned like a tabwriter per line, until Ctrl-C. */
async function watchEvents(ctx: KubectlContext, namespace: string | undefined, fieldSelector: string | undefined, keep: (e: EventLike) => boolean, header: string, all: boolean): Promise<number> {
  let printedHeader = false;
  const watch = await ctx.host.api.watch({ ...EVENTS, namespace }, { fieldSelector }, (ev) => {
    if (ev.type === 'DELETED' || ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
    const e = ev.object as unknown as EventLike;
    if (!keep(e)) return;
    const text = (printedHeader ? '' : header) + row(e, ctx.host.clock.now(), all);
    printedHeader = true;
    ctx.io.out(tabwrite(text));
  });
  await ctx.io.interrupt.wait();
  watch.stop();
  return INTERRUPTED_STATUS;
}
