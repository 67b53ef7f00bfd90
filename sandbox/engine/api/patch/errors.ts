// The Status errors the API server's PATCH handler answers with (apiserver
// pkg/endpoints/handlers/patch.go and pkg/util/mergepatch/errors.go), built on the engine's errors.
import { StatusError, badRequest, invalid, requestEntityTooLarge, type Status } from '../errors.js';

/**
 * A JSON patch op that does not apply. The server answers with NewGenericServerResponse(422), whose
 * message is the generic text: the jsonpatch library's own message never reaches the client.
 * `detail` keeps that message (evanphx/json-patch v4 wording) for traces and tests.
 */
export class JsonPatchApplyError extends StatusError {
  constructor(readonly detail: string) {
    super(genericStatus(422, 'Invalid', 'the server rejected our request due to an error in our request'));
  }
}

function genericStatus(code: number, reason: string | undefined, message: string): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code, details: {} };
  if (reason) status.reason = reason;
  return status;
}

/** SMP errors the server maps to 422 with the generic text (ErrNoListOfLists, ErrPatchContentNotMatchRetainKeys). */
export const unprocessable = () =>
  new StatusError(genericStatus(422, 'Invalid', 'the server rejected our request due to an error in our request'));

/** A plain Go error reaching the handler: ErrorToAPIStatus answers 500 with an empty reason. */
export function plainServerError(message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

export const tooManyJsonPatchOps = (n: number) =>
  requestEntityTooLarge(`Request entity too large: The allowed maximum operations in a JSON patch is 10000, got ${n}`);

/** Go's DecodePatch / json.Unmarshal failure text, e.g. for a body that is not a list. */
export const unmarshalError = (jsonKind: string, goType: string) =>
  badRequest(`json: cannot unmarshal ${jsonKind} into Go value of type ${goType}`);

/**
 * The patched document is not an object: decoding it into the kind fails, and the handler wraps the
 * decoder's text in an Invalid error on field `patch` (jsonPatcher.applyPatchToCurrentObject).
 */
export function notAnObjectAfterPatch(patchedJson: string): StatusError {
  const why =
    'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
  return invalid({ group: '', kind: '' }, '', [{ type: 'FieldValueInvalid', field: 'patch', badValue: patchedJson, detail: why }]);
}

/** mergepatch error texts. */
export const SMP = {
  badJSONDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  badPrimitiveList: 'invalid patch format of primitive list',
  badRetainKeys: 'invalid patch format of retainKeys',
  badSetElementOrder: 'invalid patch format of setElementOrder list',
  retainKeysMismatch: "patch content doesn't match retainKeys list",
  unsupported: 'strategic merge patch format is not supported',
} as const;

/** The media types a CRD-less or unstructured kind accepts (no strategic merge). */
export const strategicMergeUnsupported = () =>
  new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    reason: 'UnsupportedMediaType',
    code: 415,
  });
