// Waiting on the cluster as kubectl does (watchtools.UntilWithSync): a watch on one object (or a
// selection) whose events decide when to stop, bounded by --timeout and Ctrl-C.
import type { ResourceRef, WatchEvent } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { Interrupt } from '../../shell/io.js';
import { UsageError, type KubectlContext } from '../host.js';

export type WaitEnd = 'done' | 'timeout' | 'interrupted';

/** Go's time.ParseDuration for the forms learners type: `30s`, `1m30s`, `500ms`, `2h`, `0`. */
export function parseDuration(text: string, flag: string): number {
  if (/^[+-]?0$/.test(text)) return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    at = re.lastIndex;
  }
  if (!text || at !== text.length) throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: time: ${/^\d+$/.test(text) ? `missing unit in duration "${text}"` : `invalid duration "${text}"`}`, undefined);
  return Math.round(total);
}

/**
 * Lists then watches `ref` (with `fieldSelector`/`labelSelector`); `decide` sees the current
 * object on every ADDED/MODIFIED/DELETED and returns true to stop. Resolves how the wait ended.
 */
export async function watchUntil(
  ctx: KubectlContext,
  ref: ResourceRef,
  opts: { fieldSelector?: string; labelSelector?: string; timeoutMs?: number },
  decide: (type: WatchEvent['type'], obj: KubeObject | undefined) => boolean,
): Promise<WaitEnd> {
  let finish: (end: WaitEnd) => void = () => {};
  const ended = new Promise<WaitEnd>((resolve) => (finish = resolve));
  let done = false;
  const end = (e: WaitEnd) => {
    if (done) return;
    done = true;
    finish(e);
  };
  const stopInterrupt = ctx.io.interrupt.onRaise(() => end('interrupted'));
  const list = await ctx.host.api.list({ ...ref, name: undefined }, { fieldSelector: opts.fieldSelector, labelSelector: opts.labelSelector });
  if (list.items.length === 0 && decide('DELETED', undefined)) end('done');
  for (const o of list.items) if (!done && decide('ADDED', o)) end('done');
  const watch = done
    ? undefined
    : await ctx.host.api.watch({ ...ref, name: undefined }, { fieldSelector: opts.fieldSelector, labelSelector: opts.labelSelector, resourceVersion: list.metadata.resourceVersion }, (ev) => {
        if (done || ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
        if (decide(ev.type, ev.object as KubeObject)) end('done');
      });
  if (!done && opts.timeoutMs !== undefined && opts.timeoutMs > 0 && ctx.host.sleep) {
    // A private interrupt cancels the timer once the wait has ended some other way.
    const timer = new Interrupt();
    void ended.then(() => timer.raise());
    void ctx.host.sleep(opts.timeoutMs, timer).then(() => end('timeout'));
  }
  const result = await ended;
  stopInterrupt();
  watch?.stop();
  return result;
}
