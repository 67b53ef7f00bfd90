// Column definition builders, so each printer reads like the real printers' column lists.
import { doc, type FieldDocKey } from './docs.js';
import type { TableColumnDefinition } from './types.js';

type ColumnType = 'string' | 'integer' | 'boolean' | 'date' | 'number';

/** A column with a literal description. */
export function col(name: string, type: ColumnType, description: string, priority = 0, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority };
}

/** A column whose description is an API field's documentation. */
export function docCol(name: string, type: ColumnType, key: FieldDocKey, priority = 0): TableColumnDefinition {
  return col(name, type, doc(key), priority);
}

export const nameCol = (priority = 0): TableColumnDefinition => col('Name', 'string', doc('meta/v1 ObjectMeta.name'), priority, 'name');
export const ageCol = (): TableColumnDefinition => docCol('Age', 'string', 'meta/v1 ObjectMeta.creationTimestamp');

export const containersCol = (priority = 1) => col('Containers', 'string', 'Names of each container in the template.', priority);
export const imagesCol = (priority = 1) => col('Images', 'string', 'Images referenced by each container in the template.', priority);
