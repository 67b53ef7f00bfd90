// meta.k8s.io/v1 Table, as the API server answers a request with `Accept: …;as=Table;v=v1;g=meta.k8s.io`.
import type { ObjectMeta } from '../../objects.js';
import type { KubeObject } from '../../objects.js';

export interface TableColumnDefinition {
  name: string;
  /** OpenAPI type: 'string' | 'integer' | 'number' | 'boolean' | 'date'. */
  type: string;
  /** 'name' marks the column kubectl prefixes with `kind/` for `get` of several kinds. */
  format: string;
  description: string;
  /** 0 always shown, 1 only with `-o wide`. */
  priority: number;
}

/** A cell is a string, an integer or a boolean, as encoded in JSON. */
export type TableCell = string | number | boolean;

export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  object?: PartialObjectMetadata | KubeObject;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** How one resource turns into rows: its columns, and the cells of one object at `now`. */
export interface Printer {
  columns: TableColumnDefinition[];
  cells(obj: KubeObject, now: number): TableCell[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}
