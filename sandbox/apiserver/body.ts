// Request bodies: read with the real server's 3 MiB limit, decoded from JSON, YAML or the
// Kubernetes protobuf envelope according to Content-Type, with the real error texts.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, requestEntityTooLarge, StatusError } from '../engine/api/errors.js';
import type { PatchType } from '../engine/api/types.js';
import { decodeEnvelope, ProtobufDecodeError } from './protobuf/decode.js';
import { MESSAGES } from './protobuf/descriptors.generated.js';
import { goJsonSyntaxError } from './go-json.js';

/** apiserver's maxRequestBodyBytes: 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(requestEntityTooLarge(`Request entity too large: limit is ${limit}`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

const OBJECT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

export function unsupportedMediaType(contentType: string, accepted: string[]): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    reason: 'UnsupportedMediaType',
    code: 415,
  });
}

/** A create/update/subresource body as a JSON object. */
export function decodeObjectBody(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const type = mediaType(contentType) || 'application/json';
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobuf(body);
  if (type === 'application/json') return asObject(parseJsonBody(body));
  if (type === 'application/yaml') return asObject(parseYamlBody(body));
  throw unsupportedMediaType(type, OBJECT_TYPES);
}

function decodeProtobuf(body: Buffer): Record<string, unknown> {
  try {
    return decodeEnvelope(new Uint8Array(body), MESSAGES).object;
  } catch (err) {
    if (err instanceof ProtobufDecodeError || err instanceof Error) throw badRequest(err.message);
    throw err;
  }
}

/** Go's `couldn't get version/kind; json parse error: …` for a body that is not JSON. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`couldn't get version/kind; json parse error: ${goJsonSyntaxError(text)}`);
  }
}

function parseYamlBody(body: Buffer): unknown {
  try {
    return parseYaml(body.toString('utf8'));
  } catch (err) {
    throw badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${goTypeName(value)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
}

const goTypeName = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool');

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function patchTypeOf(contentType: string | undefined): PatchType {
  const type = mediaType(contentType);
  const patchType = PATCH_TYPES[type];
  if (!patchType) throw unsupportedMediaType(type, Object.keys(PATCH_TYPES));
  return patchType;
}

/** A patch body: JSON for the JSON-based types, YAML (a superset of JSON) for apply. */
export function decodePatchBody(body: Buffer, type: PatchType): unknown {
  if (type === 'apply') return parseYamlBody(body);
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(goJsonSyntaxError(text));
  }
}
