// Field errors, as k8s.io/apimachinery/pkg/util/validation/field renders them. Validation builds
// lists of these; errors.ts turns a list into a 422 Invalid Status with the same texts.

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marks an error whose bad value is not printed (Go's field.OmitValueType). */
export const OMIT_VALUE = Symbol('omit');

export interface FieldError {
  type: FieldErrorType;
  /** Dotted path as Go prints it: `spec.template.spec.containers[0].image`. */
  field: string;
  badValue?: unknown;
  detail?: string;
}

/** Types whose message never shows the bad value. */
const valueless = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

/**
 * A bad value whose Go rendering is already known, e.g. `v1.LabelSelector{…}` or
 * `map[string]string(nil)`: Go 1.32 prints non-simple values with %#v, which depends on Go types
 * JSON does not carry.
 */
export class GoValue {
  constructor(readonly text: string) {}
}

/** Go's strconv.Quote (%q): like JSON, but \a \v \x7f and other control bytes are escaped Go's way. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * Go 1.32's ErrorBody rendering of a bad value (apimachinery field/errors.go at v0.32): nil and nil
 * pointers print as the quoted string "null", numbers and bools with %v, strings with %q, other
 * values with %#v (maps with sorted keys).
 */
function renderValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]${goTypeName(value[0])}{${value.map(renderGoLiteral).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[string]string{${entries.map(([k, v]) => `${goQuote(k)}:${renderGoLiteral(v)}`).join(', ')}}`;
  }
  return String(value);
}

function goTypeName(sample: unknown): string {
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'int' : 'float64';
  if (typeof sample === 'boolean') return 'bool';
  return 'string';
}

function renderGoLiteral(value: unknown): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

/** The part after `field: `, e.g. `Invalid value: -1: must be greater than or equal to 0`. */
export function errorBody(e: FieldError): string {
  let s = typeText[e.type];
  if (!valueless.has(e.type) && e.badValue !== OMIT_VALUE) s += `: ${renderValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Go's utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, duplicates once. */
export function aggregate(errors: FieldError[]): string {
  const messages = [...new Set(errors.map(errorString))];
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}

// Constructors named like Go's field.Required, field.Invalid, …
export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const invalid = (field: string, badValue: unknown, detail = ''): FieldError => ({ type: 'FieldValueInvalid', field, badValue, detail });
export const duplicate = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const tooLong = (field: string, badValue: unknown, maxLength: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  badValue,
  detail: `may not be more than ${maxLength} bytes`,
});
export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  badValue: actual,
  detail: `must have at most ${max} items`,
});
export const notFound = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueNotFound', field, badValue });
export function notSupported(field: string, badValue: unknown, supported: string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, badValue, detail };
}

/** Builds child paths the way field.Path does: `spec`, `.child("replicas")`, `.index(0)`, `.key("app")`. */
export class FieldPath {
  constructor(private readonly path: string) {}
  static root(name: string): FieldPath {
    return new FieldPath(name);
  }
  child(...names: string[]): FieldPath {
    return new FieldPath([this.path, ...names].filter(Boolean).join('.'));
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.path}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.path}[${k}]`);
  }
  toString(): string {
    return this.path;
  }
}
