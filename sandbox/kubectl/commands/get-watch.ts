// kubectl get -w: the list as a Table, then a Table watch from its resourceVersion, one row per
// event, until Ctrl-C or --request-timeout. Rows stay aligned with the first table because
// kubectl's tabwriter remembers column widths across flushes (liggitt/tabwriter RememberWidths).
import type { ResourceType } from '../../engine/api/types.js';
import { INTERRUPTED_STATUS, Interrupt } from '../../shell/io.js';
import type { TableResult } from '../client.js';
import { UsageError, type KubectlContext } from '../host.js';
import { tableLines, type TablePrintOptions } from '../printers/table.js';
import { GET_OPTIONS } from '../printers/tabwriter.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { parseDuration } from './waiting.js';

export interface WatchRequest {
  type: ResourceType;
  names: string[];
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  output: string;
  print: TablePrintOptions;
  requestTimeout?: string;
}

/** Column widths that only grow, as the remembered-widths tabwriter keeps them. */
class RememberingTabwriter {
  private widths: number[] = [];
  write(lines: string[]): string {
    const rows = lines.map((l) => l.split('\t'));
    for (const cells of rows) {
      cells.slice(0, -1).forEach((c, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, GET_OPTIONS.minWidth, [...c].length + GET_OPTIONS.padding)));
    }
    return rows.map((cells) => cells.map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(this.widths[i] - [...c].length) : c)).join('') + '\n').join('');
  }
}

export async function watchGet(ctx: KubectlContext, req: WatchRequest): Promise<number> {
  if (req.names.length > 1) throw new UsageError(`watch is only supported on individual resources and resource collections, but ${req.names.length} resources were found`);
  const name = req.names[0];
  const fieldSelector = name ? [`metadata.name=${name}`, req.fieldSelector].filter(Boolean).join(',') : req.fieldSelector;
  const listRef = refOf(req.type, req.namespace);
  const table = name ? await ctx.host.api.table(refOf(req.type, req.namespace, name)) : await ctx.host.api.table(listRef, { labelSelector: req.labelSelector, fieldSelector });
  const writer = new RememberingTabwriter();
  const byName = req.output === 'name';
  const rowsOf = (t: TableResult, headers: boolean) =>
    byName ? t.rows.map((r) => `${kindPrefix(req.type)}/${r.object?.metadata?.name ?? ''}\n`).join('') : writer.write(tableLines(t, { ...req.print, noHeaders: !headers || req.print.noHeaders }));
  // An empty list prints nothing while watching (no `No resources found`).
  if (table.rows.length) ctx.io.out(rowsOf(table, true));
  let columns = table.columnDefinitions;
  const watch = await ctx.host.api.watchTable(listRef, { resourceVersion: table.metadata?.resourceVersion, labelSelector: req.labelSelector, fieldSelector }, (ev) => {
    if (ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
    const t = ev.object as TableResult;
    // Only the first event of a Table watch carries the column definitions.
    if (t.columnDefinitions?.length) columns = t.columnDefinitions;
    ctx.io.out(rowsOf({ ...t, columnDefinitions: columns }, false));
  });
  const end = await untilInterruptOrTimeout(ctx, req.requestTimeout);
  watch.stop();
  return end === 'interrupted' ? INTERRUPTED_STATUS : 0;
}

async function untilInterruptOrTimeout(ctx: KubectlContext, requestTimeout: string | undefined): Promise<'interrupted' | 'timeout'> {
  const timeoutMs = requestTimeout ? parseDuration(requestTimeout, 'request-timeout') : 0;
  const waits: Array<Promise<'interrupted' | 'timeout'>> = [ctx.io.interrupt.wait().then(() => 'interrupted' as const)];
  const timer = new Interrupt();
  if (timeoutMs > 0 && ctx.host.sleep) waits.push(ctx.host.sleep(timeoutMs, timer).then(() => 'timeout' as const));
  const end = await Promise.race(waits);
  timer.raise();
  return end;
}
