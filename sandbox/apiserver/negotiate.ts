// Content negotiation of the Accept header, as the real API server does it: a Table when the
// client asks for `as=Table;g=meta.k8s.io;v=v1|v1beta1`, JSON otherwise (we never answer
// protobuf; kubectl always lists JSON as a fallback), 406 when nothing acceptable is offered.
import { StatusError } from '../engine/api/errors.js';

export interface MediaRange {
  type: string; // 'application/json'
  params: Record<string, string>;
}

export type Rendering = { kind: 'object' } | { kind: 'table'; version: 'v1' | 'v1beta1' };

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const out: Record<string, string> = {};
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq > 0) out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
    }
    return { type: type.toLowerCase(), params: out };
  });
}

const SERVED = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const JSONISH = new Set(['application/json', '*/*', 'application/*']);

/** What to render for an object or list request. Throws 406 when no offered type is served. */
export function negotiate(accept: string | undefined, tableAllowed: boolean): Rendering {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { kind: 'object' };
  for (const r of ranges) {
    if (r.params.as === 'Table' && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1')) {
      if (tableAllowed && r.type === 'application/json') return { kind: 'table', version: r.params.v };
      continue;
    }
    if (r.params.as) continue; // PartialObjectMetadata and other conversions we do not serve
    if (JSONISH.has(r.type) || r.type === 'application/vnd.kubernetes.protobuf' || r.type === 'application/yaml') return { kind: 'object' };
  }
  throw notAcceptable();
}

export function notAcceptable(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `only the following media types are accepted: ${SERVED.join(', ')}`,
    reason: 'NotAcceptable',
    code: 406,
  });
}

export function tableContentType(version: 'v1' | 'v1beta1'): string {
  return `application/json;as=Table;v=${version};g=meta.k8s.io`;
}

/** True when any offered range carries exactly these parameters (discovery negotiation). */
export function accepts(accept: string | undefined, params: Record<string, string>): boolean {
  return parseAccept(accept).some((r) => r.type === 'application/json' && Object.entries(params).every(([k, v]) => r.params[k] === v));
}
