// Kubernetes Status errors with the API server's reasons, codes and message texts
// (k8s.io/apimachinery/pkg/api/errors). Every failure the API returns is one of these.
import { aggregate, errorBody, type FieldError } from './field-errors.js';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string };
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? 'unknown error');
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** `deployments.apps` or `pods`: a resource with its group, as messages name it. */
export interface QualifiedResource {
  group: string;
  resource: string;
}
/** `Deployment.apps` or `Pod`. */
export interface QualifiedKind {
  group: string;
  kind: string;
}

export const qualifiedResourceString = (r: QualifiedResource) => (r.group ? `${r.resource}.${r.group}` : r.resource);
export const qualifiedKindString = (k: QualifiedKind) => (k.group ? `${k.kind}.${k.group}` : k.kind);

function failure(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

export const notFound = (r: QualifiedResource, name: string) =>
  failure(404, 'NotFound', `${qualifiedResourceString(r)} ${JSON.stringify(name)} not found`, { name, group: r.group || undefined, kind: r.resource });

export const alreadyExists = (r: QualifiedResource, name: string) =>
  failure(409, 'AlreadyExists', `${qualifiedResourceString(r)} ${JSON.stringify(name)} already exists`, { name, group: r.group || undefined, kind: r.resource });

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export const conflict = (r: QualifiedResource, name: string, why: string = OBJECT_MODIFIED) =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResourceString(r)} ${JSON.stringify(name)}: ${why}`, {
    name,
    group: r.group || undefined,
    kind: r.resource,
  });

export function invalid(k: QualifiedKind, name: string, errors: FieldError[]): StatusError {
  const causes = errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const head = `${qualifiedKindString(k)} ${JSON.stringify(name)} is invalid`;
  return failure(422, 'Invalid', errors.length ? `${head}: ${aggregate(errors)}` : head, {
    name,
    group: k.group || undefined,
    kind: k.kind,
    causes,
  });
}

export const badRequest = (message: string) => failure(400, 'BadRequest', message);

export const forbidden = (r: QualifiedResource, name: string, why: string) =>
  failure(403, 'Forbidden', `${qualifiedResourceString(r)} ${JSON.stringify(name)} is forbidden: ${why}`, {
    name: name || undefined,
    group: r.group || undefined,
    kind: r.resource,
  });

export const methodNotSupported = (r: QualifiedResource, action: string) =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${JSON.stringify(qualifiedResourceString(r))}`, {
    group: r.group || undefined,
    kind: r.resource,
  });

/** A watch or list from a revision older than the compacted one. */
export const expired = (message: string) => failure(410, 'Expired', message);
export const tooOldResourceVersion = (requested: number, current: number) =>
  expired(`too old resource version: ${requested} (${current})`);

export const unsupportedMediaType = (contentType: string) =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`);

export const unauthorized = () => failure(401, 'Unauthorized', 'Unauthorized');

export const internalError = (message: string) =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

export const tooManyRequests = (message: string) => failure(429, 'TooManyRequests', message);

/** Request entity too large: the real server refuses bodies over 3 MiB for most writes. */
export const requestEntityTooLarge = (message: string) => failure(413, 'RequestEntityTooLarge', message);

export const serviceUnavailable = (message: string) => failure(503, 'ServiceUnavailable', message);

export function successStatus(details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) status.details = details;
  return status;
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}
