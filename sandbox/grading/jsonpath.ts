// The part of kubectl's JSONPath that checks need: `{.a.b}`, `[0]`, `[*]`, `..`-free paths and
// filters such as `[?(@.type=="Available")]`. Results join with a space, as `kubectl -o jsonpath`
// prints them, so an author can copy the expression from the terminal into a check.

type Step = { key: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } };

export class JsonPathError extends Error {}

export function parseJsonPath(expression: string): Step[] {
  let src = expression.trim();
  if (src.startsWith('{') && src.endsWith('}')) src = src.slice(1, -1);
  if (src.startsWith('$')) src = src.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < src.length) {
    if (src[i] === '.') {
      // `\.` escapes a dot inside a key, as in {.metadata.annotations.deployment\.kubernetes\.io/revision}
      const m = /^\.((?:[A-Za-z0-9_\-/]|\\\.)+)/.exec(src.slice(i));
      if (!m) throw new JsonPathError(`expected a field name after "." at ${i} in ${expression}`);
      steps.push({ key: m[1].replace(/\\\./g, '.') });
      i += m[0].length;
    } else if (src[i] === '[') {
      const end = src.indexOf(']', src[i + 1] === '?' ? src.indexOf(')', i) : i);
      if (end === -1) throw new JsonPathError(`unclosed "[" at ${i} in ${expression}`);
      steps.push(bracket(src.slice(i + 1, end), expression));
      i = end + 1;
    } else throw new JsonPathError(`unexpected "${src[i]}" at ${i} in ${expression}`);
  }
  return steps;
}

function bracket(inner: string, expression: string): Step {
  if (inner === '*') return { all: true };
  if (/^-?\d+$/.test(inner)) return { index: Number(inner) };
  const f = /^\?\(@((?:\.[A-Za-z0-9_\-/]+)+)\s*==\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\)$/.exec(inner);
  if (f) return { filter: { path: f[1].slice(1).split('.'), value: f[2] ?? f[3] ?? f[4] } };
  const quoted = /^['"](.*)['"]$/.exec(inner);
  if (quoted) return { key: quoted[1] };
  throw new JsonPathError(`unsupported [${inner}] in ${expression} (use [n], [*] or [?(@.field=="value")])`);
}

/** Every value the expression reaches (none when a field is missing). */
export function evaluateJsonPath(root: unknown, expression: string): unknown[] {
  let current: unknown[] = [root];
  for (const step of parseJsonPath(expression)) current = current.flatMap((v) => apply(step, v));
  return current;
}

function apply(step: Step, value: unknown): unknown[] {
  if ('key' in step) {
    if (value === null || typeof value !== 'object') return [];
    const v = (value as Record<string, unknown>)[step.key];
    return v === undefined ? [] : [v];
  }
  if (!Array.isArray(value)) return [];
  if ('index' in step) {
    const v = value[step.index < 0 ? value.length + step.index : step.index];
    return v === undefined ? [] : [v];
  }
  if ('all' in step) return value;
  return value.filter((item) => String(step.filter.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), item)) === step.filter.value);
}

/** The values as kubectl prints them: scalars as text, objects as JSON, separated by spaces. */
export function formatJsonPathResult(values: unknown[]): string {
  return values.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' ');
}
