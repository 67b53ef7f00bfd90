// Status errors the write path needs beyond errors.ts (which it re-exports): the texts of
// preconditions, namespace lifecycle, binding and eviction, from the real API server.
import { StatusError, type Status, type StatusDetails, type QualifiedResource, qualifiedResourceString } from './errors.js';

export * from './errors.js';

export function failureStatus(code: number, reason: string, message: string, details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return status;
}

export const failure = (code: number, reason: string, message: string, details?: StatusDetails) =>
  new StatusError(failureStatus(code, reason, message, details));

const detailsOf = (r: QualifiedResource, name: string): StatusDetails => ({ name, group: r.group || undefined, kind: r.resource });

export const preconditionFailed = (r: QualifiedResource, name: string, why: string) =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResourceString(r)} ${JSON.stringify(name)}: ${why}`, detailsOf(r, name));

export const uidPrecondition = (r: QualifiedResource, name: string, want: string, have: string | undefined) =>
  preconditionFailed(r, name, `Precondition failed: UID in precondition: ${want}, UID in object meta: ${have ?? ''}`);

export const resourceVersionPrecondition = (r: QualifiedResource, name: string, want: string, have: string | undefined) =>
  preconditionFailed(r, name, `Precondition failed: ResourceVersion in precondition: ${want}, ResourceVersion in object meta: ${have ?? ''}`);

export const namespaceNotFound = (namespace: string) =>
  failure(404, 'NotFound', `namespaces ${JSON.stringify(namespace)} not found`, { name: namespace, kind: 'namespaces' });

/** NamespaceLifecycle: creating in a namespace being deleted (403, with the NamespaceTerminating cause). */
export const namespaceTerminating = (r: QualifiedResource, name: string, namespace: string) =>
  failure(403, 'Forbidden', `${qualifiedResourceString(r)} ${JSON.stringify(name)} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, {
    name: name || undefined,
    group: r.group || undefined,
    kind: r.resource,
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
  } as StatusDetails);

export const tooLargeResourceVersion = (requested: number, current: number) =>
  failure(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });

export const invalidResourceVersion = (rv: string) => failure(400, 'BadRequest', `invalid resource version: ${JSON.stringify(rv)}`);

export const continueExpired = () =>
  failure(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );

/** A Success Status as finalizeDelete answers: no code, details name the resource (not the kind). */
export function deletedStatus(r: QualifiedResource, name: string, uid: string | undefined): Status {
  const details: StatusDetails = { name };
  if (r.group) details.group = r.group;
  details.kind = r.resource;
  if (uid) details.uid = uid;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } as unknown as Status;
}

/** The Success Status of binding, eviction and similar create-only subresources (201). */
export function createdStatus(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
