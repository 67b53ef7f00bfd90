// What the API server's decoder says about a request body: unknown fields (strict field
// validation) and JSON type errors, with the real texts and Status errors.
//
// Create and update (apiserver handlers/create.go, update.go): the body is decoded with the strict
// serializer when fieldValidation is Strict (kubectl's default) or Warn. A type error, or unknown
// fields under Strict, become transformDecodeError's 400 BadRequest
//   `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"`.
// Under Warn each unknown field is a warning (`unknown field "spec.foo"`); under Ignore nothing.
// Patch (handlers/patch.go): the patched object is decoded the same way, but failures are a 422
// Invalid with an empty kind and name on the field `patch`; see patch-decoding.ts.
import { badRequest, type StatusError } from '../api/errors.js';
import type { FieldValidation } from '../api/types.js';
import { decodeProblems, type DecodeProblems } from './decode-walk.js';
import { definitionNameForKind } from './definitions.js';

const NO_PROBLEMS: DecodeProblems = { unknownFields: [], typeErrors: [] };

/** Unknown fields and type errors of `obj` decoded as apiVersion/kind; nothing for kinds we have no schema of. */
export function problemsOf(apiVersion: string, kind: string, obj: unknown): DecodeProblems {
  const name = definitionNameForKind(apiVersion, kind);
  return name ? decodeProblems(name, obj) : NO_PROBLEMS;
}

/** The strict decoder's paths of fields the schema does not know, in document order. */
export function unknownFields(apiVersion: string, kind: string, obj: unknown): string[] {
  return problemsOf(apiVersion, kind, obj).unknownFields;
}

/** Every JSON type error in document order (the decoder reports only one: see reportedTypeError). */
export function typeErrors(apiVersion: string, kind: string, obj: unknown): string[] {
  return problemsOf(apiVersion, kind, obj).typeErrors.map((p) => p.message);
}

/**
 * The one type error encoding/json returns: an error from a type's own UnmarshalJSON stops
 * decoding and wins; otherwise the first type error it met.
 */
export function reportedTypeError(problems: DecodeProblems): string | undefined {
  return (problems.typeErrors.find((p) => p.fatal) ?? problems.typeErrors[0])?.message;
}

/** `unknown field "spec.foo"`: one strict decoding error, also the text of a Warn warning. */
export const unknownFieldMessage = (path: string) => `unknown field ${JSON.stringify(path)}`;

/** runtime.strictDecodingError's text: `strict decoding error: unknown field "a", unknown field "b"`. */
export const strictDecodingMessage = (paths: string[]) => `strict decoding error: ${paths.map(unknownFieldMessage).join(', ')}`;

/** The kind and version a body names (or the endpoint's, which the decoder defaults to). */
export interface DecodeTarget {
  apiVersion: string;
  kind: string;
}

const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);

/** transformDecodeError: `Deployment in version "v1" cannot be handled as a Deployment: <err>`. */
export function cannotBeHandled(body: Partial<DecodeTarget>, target: DecodeTarget, err: string): StatusError {
  const kind = body.kind || target.kind;
  const version = versionOf(body.apiVersion || target.apiVersion);
  return badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${target.kind}: ${err}`);
}

/** The strict-decoding 400 of a create or update, given the unknown field paths. */
export const strictDecodingError = (target: DecodeTarget, paths: string[], body: Partial<DecodeTarget> = {}) =>
  cannotBeHandled(body, target, strictDecodingMessage(paths));

export interface DecodeOutcome {
  /** The 400 the request fails with, if it does. */
  error?: StatusError;
  /** Warning texts (one `Warning: 299 - "<text>"` header each) under fieldValidation=Warn. */
  warnings: string[];
}

/** Decode a create or update body as the API server does, under a field validation directive. */
export function decodeBody(target: DecodeTarget, obj: unknown, validation: FieldValidation = 'Strict'): DecodeOutcome {
  const problems = problemsOf(target.apiVersion, target.kind, obj);
  const body = typeof obj === 'object' && obj !== null ? (obj as Partial<DecodeTarget>) : {};
  const typeError = reportedTypeError(problems);
  if (typeError) return { error: cannotBeHandled(body, target, typeError), warnings: [] };
  if (!problems.unknownFields.length || validation === 'Ignore') return { warnings: [] };
  if (validation === 'Warn') return { warnings: problems.unknownFields.map(unknownFieldMessage) };
  return { error: strictDecodingError(target, problems.unknownFields, body), warnings: [] };
}
