// Small helpers for defaulting decoded JSON in place.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** Sets `obj[key]` when it is absent, null or the empty string (Go's zero value for the field). */
export function setDefault(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value;
}

/** The child object at `key`, created empty when absent. */
export function child(obj: Obj, key: string): Obj {
  if (!obj[key] || typeof obj[key] !== 'object') obj[key] = {};
  return obj[key];
}

export const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter((x) => x && typeof x === 'object') : []);
