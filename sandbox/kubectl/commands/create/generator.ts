// What every `kubectl create <generator>` shares: the generator shape, the metadata the real
// generators write (name, namespace only when -n was given, `creationTimestamp: null`), and
// Go's map order for maps inside typed objects (encoding/json sorts map keys).
import type { KubeObject } from '../../../engine/objects.js';
import type { FlagSpec, FlagValues } from '../../flags.js';
import { UsageError, type KubectlContext } from '../../host.js';

export interface GeneratorInput {
  ctx: KubectlContext;
  name: string;
  flags: FlagValues;
  /** The namespace from -n, when given (kubectl's EnforceNamespace). */
  explicitNamespace: string | undefined;
  /** The namespace the object goes to: -n or the context's. */
  namespace: string;
  /** Arguments after `--` (a command for job, cronjob, deployment). */
  command: string[];
}

export interface Generator {
  flags: FlagSpec[];
  /** Builds the object, with keys in Go struct order (what `-o json` prints). */
  build(input: GeneratorInput): KubeObject | Promise<KubeObject>;
  /** What generators that wrap API errors put before them (`failed to create configmap: `). */
  wrapErrors?: string;
  /** Flags cobra marks required: `required flag(s) "x" not set`. */
  required?: string[];
  /** Does not take --dry-run / -o (create token). */
  noPrinting?: boolean;
}

/** ObjectMeta as the generators fill it, in Go field order. */
export function meta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const m: Record<string, unknown> = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null;
  return { ...m, ...extra };
}

export function sortedMap<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const all = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(all);
}

export const stringList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : v === undefined ? [] : [String(v)]);

/** pflag's StringSlice: each value split on commas (CSV, without quoting here). */
export const sliceFlag = (v: unknown): string[] => stringList(v).flatMap((s) => s.split(','));

export function requireFlags(flags: FlagValues, names: string[] | undefined): void {
  const missing = (names ?? []).filter((n) => flags[n] === undefined);
  if (missing.length) throw new UsageError(`required flag(s) ${missing.map((n) => JSON.stringify(n)).join(', ')} not set`);
}

/** Go's `%v` of a string slice: `[a b]`. */
export const goSlice = (items: string[]) => `[${items.join(' ')}]`;
