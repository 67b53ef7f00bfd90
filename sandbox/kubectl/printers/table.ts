// Prints server-side Tables the way kubectl's table printer does: upper-cased headers,
// priority-1 columns only with -o wide, NAMESPACE first with -A, LABELS with --show-labels,
// `kind/name` names when several types print together, aligned by the tabwriter.
import type { KubeObject } from '../../engine/objects.js';
import { tabwrite } from './tabwriter.js';

export interface TableColumn {
  name: string;
  priority?: number;
}
export interface TableLike {
  columnDefinitions: TableColumn[];
  rows: Array<{ cells: unknown[]; object?: { metadata?: KubeObject['metadata'] } }>;
}

export interface TablePrintOptions {
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
  /** `deployment.apps` to print names as `deployment.apps/web`. */
  kindPrefix?: string;
  /** Label keys given with -L, printed as extra columns. */
  labelColumns?: string[];
}

/** The table's lines, tab-separated, not yet aligned (several tables may share one tabwriter). */
export function tableLines(table: TableLike, opts: TablePrintOptions): string[] {
  const visible = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || !c.priority);
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const headers = visible.map(({ c }) => c.name.toUpperCase());
    if (opts.withNamespace) headers.unshift('NAMESPACE');
    for (const key of opts.labelColumns ?? []) headers.push(key.split('/').pop()!.toUpperCase());
    if (opts.showLabels) headers.push('LABELS');
    lines.push(headers.join('\t'));
  }
  for (const row of table.rows) {
    const meta = row.object?.metadata ?? {};
    const cells = visible.map(({ i }) => formatCell(row.cells[i]));
    if (opts.kindPrefix && cells.length) cells[0] = `${opts.kindPrefix}/${cells[0]}`;
    if (opts.withNamespace) cells.unshift(meta.namespace ?? '');
    for (const key of opts.labelColumns ?? []) cells.push(meta.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(meta.labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

export function printTable(table: TableLike, opts: TablePrintOptions): string {
  return tabwrite(tableLines(table, opts).map((l) => l + '\n').join(''));
}

function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '<none>';
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}
