// The models of prisma/schema.prisma as the migration tests need them: each model's scalar
// fields (relation fields have no column) with their Prisma type and whether they are optional.
import { readFileSync } from 'node:fs';

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
}

export function schemaModels(file = new URL('../prisma/schema.prisma', import.meta.url)): Map<string, SchemaField[]> {
  const text = readFileSync(file, 'utf8');
  const models = new Map<string, SchemaField[]>();
  const names = [...text.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    for (const line of m[2].split('\n')) {
      const f = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
      if (!f || f[1].startsWith('@@') || f[3] || names.includes(f[2])) continue;
      fields.push({ name: f[1], type: f[2], optional: f[4] === '?' });
    }
    models.set(m[1], fields);
  }
  return models;
}

/** The PostgreSQL column type Prisma gives each scalar type (information_schema spelling). */
export const POSTGRES_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Float: 'double precision',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
  Decimal: 'numeric',
};
