// What the API server says when a patched object does not decode (apiserver handlers/patch.go).
// Failures are `errors.NewInvalid(schema.GroupKind{}, "", field.Invalid(field.NewPath("patch"), v, err))`:
// a 422 whose message is ` "" is invalid: patch: Invalid value: "<v>": <err>`, where v is
// - for JSON and merge patches: the whole patched object as JSON (decoded strictly from JSON, whose
//   keys jsonpatch re-marshals sorted, so unknown fields come in sorted-key document order);
// - for strategic merge patches: the patch map printed with Go's %+v (`map[spec:map[foo:1]]`),
//   and the object is converted from a map by the unstructured converter, which sorts unknown
//   field errors by text and words type errors its own way (`unrecognized type: int32`).
// Under fieldValidation=Warn unknown fields become warnings, under Ignore nothing.
import { invalid, type StatusError } from '../api/errors.js';
import type { FieldError } from '../api/field-errors.js';
import type { FieldValidation, PatchType } from '../api/types.js';
import { decodeProblems, type DecodeProblems, type TypeProblem } from './decode-walk.js';
import { definitionNameForKind } from './definitions.js';
import { reportedTypeError, strictDecodingMessage, unknownFieldMessage, type DecodeOutcome, type DecodeTarget } from './strict-decoding.js';

export interface PatchDecodeInput {
  type: PatchType;
  target: DecodeTarget;
  /** The object after the patch was applied. */
  patched: unknown;
  /** The patch as the client sent it (parsed); printed in strategic merge patch errors. */
  patch: unknown;
  validation?: FieldValidation;
}

/** The 422 `patch: Invalid value` error, or warnings, for a patched object. Not for apply patches. */
export function decodePatched(input: PatchDecodeInput): DecodeOutcome {
  const validation = input.validation ?? 'Strict';
  const strategic = input.type === 'strategic';
  const name = definitionNameForKind(input.target.apiVersion, input.target.kind);
  if (!name) return { warnings: [] };
  const problems = decodeProblems(name, strategic ? input.patched : sortKeysDeep(input.patched));
  const badValue = strategic ? goPrint(input.patch) : JSON.stringify(sortKeysDeep(input.patched));
  const typeError = strategic ? conversionError(problems) : reportedTypeError(problems);
  if (typeError) return { error: patchInvalid(badValue, typeError), warnings: [] };
  const unknown = strategic ? sortedByMessage(problems.unknownFields) : problems.unknownFields;
  if (!unknown.length || validation === 'Ignore') return { warnings: [] };
  if (validation === 'Warn') return { warnings: unknown.map(unknownFieldMessage) };
  return { error: patchInvalid(badValue, strictDecodingMessage(unknown)), warnings: [] };
}

export function patchInvalid(badValue: string, detail: string): StatusError {
  const error: FieldError = { type: 'FieldValueInvalid', field: 'patch', badValue, detail };
  return invalid({ group: '', kind: '' }, '', [error]);
}

const sortedByMessage = (paths: string[]) =>
  [...paths].sort((a, b) => {
    const [x, y] = [unknownFieldMessage(a), unknownFieldMessage(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** The unstructured converter's text for the first type problem (it stops at the first). */
function conversionError(problems: DecodeProblems): string | undefined {
  const fatal = problems.typeErrors.find((p) => p.fatal);
  const first: TypeProblem | undefined = fatal ?? problems.typeErrors[0];
  if (!first || first.fatal || !first.kind) return first?.message;
  const from = goKindOfJson(first.value);
  switch (first.kind) {
    case 'struct':
      return `cannot restore struct from: ${from}`;
    case 'slice':
      return `cannot restore slice from ${from}`;
    case 'map':
      return `cannot restore map from ${from}`;
    default:
      // Numbers convert among themselves (whole floats too) and ints to strings fail explicitly;
      // everything else is not convertible at all.
      if (from === 'int64' && first.kind === 'string') return 'cannot convert int64 to string';
      if (from === 'float64' && (first.kind === 'int32' || first.kind === 'int64' || first.kind === 'string')) return `cannot convert float64 to ${first.kind}`;
      return `unrecognized type: ${first.kind}`;
  }
}

/** The Go kind a JSON value has in a map decoded with PreserveInts. */
function goKindOfJson(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return Array.isArray(value) ? 'slice' : 'map';
}

/** Go's %+v of a JSON value decoded into interface{}: `map[a:1 b:[x y]]`, keys sorted, nil as <nil>. */
export function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goPrint(v)}`).join(' ')}]`;
  }
  return String(value);
}

/** A copy with every object's keys sorted, as Go's json.Marshal of a map writes them. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
}
