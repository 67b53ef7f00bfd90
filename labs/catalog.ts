// Every lab's metadata, for the site (no checks, no engine: safe to import from app/).
import { meta as deployNginx } from './deploy-nginx/meta.js';

export type { LabMeta } from './deploy-nginx/meta.js';

export const labCatalog = [deployNginx] as const;

export function findLabMeta(slug: string) {
  return labCatalog.find((l) => l.slug === slug);
}
