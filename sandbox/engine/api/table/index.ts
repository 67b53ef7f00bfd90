// Server-side Tables (meta.k8s.io/v1 Table): what `kubectl get` asks for and prints. The cells
// are those the real kube-apiserver 1.32 computes (pkg/printers/internalversion/printers.go,
// always rendered "wide": kubectl hides priority-1 columns itself).
import type { KubeObject } from '../../objects.js';
import type { ResourceType } from '../types.js';
import { printerFor } from './registry.js';
import type { PartialObjectMetadata, Table, TableColumnDefinition, TableRow } from './types.js';

export type { PartialObjectMetadata, Printer, Table, TableCell, TableColumnDefinition, TableRow, TableRowCondition } from './types.js';
export { humanDuration, shortHumanDuration } from './duration.js';
export { canonicalQuantity } from './quantity.js';
export { hasPrinter } from './registry.js';
export { eventInterval } from './events.js';

export interface TableOptions {
  /** Milliseconds since the epoch: ages are computed against it. */
  now: number;
  /** What each row carries: metadata only (the default), the whole object, or nothing. */
  includeObject?: 'None' | 'Metadata' | 'Object';
}

export interface TableListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export function columnDefinitions(resource: ResourceType): TableColumnDefinition[] {
  return printerFor(resource).columns.map((c) => ({ ...c }));
}

function rowObject(obj: KubeObject, include: TableOptions['includeObject']): TableRow['object'] {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  const partial: PartialObjectMetadata = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
  return partial;
}

/** Rows only, as the events of a Table watch carry them. */
export function toTableRows(resource: ResourceType, objects: KubeObject[], opts: TableOptions): TableRow[] {
  const printer = printerFor(resource);
  return objects.map((obj) => {
    const row: TableRow = { cells: printer.cells(obj, opts.now) };
    const conditions = printer.conditions?.(obj);
    if (conditions) row.conditions = conditions;
    const object = rowObject(obj, opts.includeObject);
    if (object) row.object = object;
    return row;
  });
}

export function toTable(resource: ResourceType, objects: KubeObject[], opts: TableOptions & TableListMeta): Table {
  const metadata: Table['metadata'] = { resourceVersion: opts.resourceVersion };
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: columnDefinitions(resource),
    rows: toTableRows(resource, objects, opts),
  };
}
