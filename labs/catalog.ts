// Every lab's metadata, for the site (no checks, no engine: safe to import from app/).
// Extensionless imports here: Turbopack (next build) does not map `./x.js` to `./x.ts`.
import { meta as deployNginx } from './deploy-nginx/meta';

export type { LabMeta } from './deploy-nginx/meta';

export const labCatalog = [deployNginx] as const;

export function findLabMeta(slug: string) {
  return labCatalog.find((l) => l.slug === slug);
}
