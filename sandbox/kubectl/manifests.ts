// Reading objects from -f: files, directories and stdin; YAML with several documents, JSON,
// and v1 Lists, with kubectl's errors for malformed input.
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../engine/objects.js';
import { UsageError, type KubectlContext } from './host.js';

export interface SourcedObject {
  object: KubeObject;
  source: string;
}

const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export function readManifests(ctx: KubectlContext, filenames: string[]): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const f of filenames) {
    if (f === '-') out.push(...parseManifest(ctx.io.stdin, 'STDIN'));
    else for (const path of expandPath(ctx, f)) out.push(...parseManifest(ctx.host.fs.readFile(path), path));
  }
  if (!out.length) throw new UsageError('no objects passed to apply');
  return out;
}

function expandPath(ctx: KubectlContext, f: string): string[] {
  if (!ctx.host.fs.exists(f)) throw new UsageError(`the path "${f}" does not exist`);
  if (ctx.host.fs.stat(f).type === 'file') return [f];
  return ctx.host.fs
    .readdir(f)
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .sort()
    .map((n) => `${f.replace(/\/$/, '')}/${n}`);
}

export function parseManifest(text: string, source: string): SourcedObject[] {
  if (text.length > MAX_MANIFEST_BYTES) throw new UsageError(`error reading ${JSON.stringify(source)}: the manifest is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB`);
  // maxAliasCount guards against "billion laughs" alias bombs.
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  const out: SourcedObject[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const err = doc.errors[0];
      const line = err.linePos?.[0]?.line ?? 0;
      throw new UsageError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`error validating data: invalid object in ${source}`);
    const obj = value as KubeObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items as KubeObject[]) out.push({ object: item, source });
      continue;
    }
    if (!obj.apiVersion || !obj.kind) {
      const missing = !obj.apiVersion ? 'apiVersion' : 'kind';
      throw new UsageError(`error validating "${source}": error validating data: ${missing} not set`);
    }
    out.push({ object: obj, source });
  }
  return out;
}
