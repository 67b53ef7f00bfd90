// Kubernetes JSONPath templates (k8s.io/client-go/util/jsonpath) as kubectl -o jsonpath and
// custom-columns use them: literal text around {…} expressions, fields, [*], [i], [a:b],
// unions, `..` recursive descent, [?(@.x=="y")] filters, {range …}{end}, quoted "\n" text.

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'list'; steps: Step[]; literal?: string }
  | { kind: 'range'; steps: Step[]; body: Node[] };

type Step =
  | { kind: 'field'; names: string[] } // several names: a union ['a','b']
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'index'; indexes: Array<number | { start?: number; end?: number; step?: number }> }
  | { kind: 'filter'; left: Step[]; op?: string; right?: { steps?: Step[]; value?: unknown } };

export class JsonPathError extends Error {}

export function parseTemplate(template: string): Node[] {
  const nodes: Node[] = [];
  const stack: Node[][] = [nodes];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    const expr = template.slice(open + 1, close).trim();
    i = close + 1;
    if (expr === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      continue;
    }
    if (expr.startsWith('range ')) {
      const node: Node = { kind: 'range', steps: parsePath(expr.slice(6).trim()), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
      continue;
    }
    const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(expr) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(expr);
    if (literal) stack[stack.length - 1].push({ kind: 'text', text: unescape(literal[1]) });
    else stack[stack.length - 1].push({ kind: 'list', steps: parsePath(expr) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return nodes;
}

function findClose(s: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return i;
  }
  throw new JsonPathError('unclosed action');
}

const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c as 'n'] ?? c);

export function parsePath(expr: string): Step[] {
  const steps: Step[] = [];
  let i = expr.startsWith('$') ? 1 : 0;
  while (i < expr.length) {
    if (expr.startsWith('..', i)) {
      steps.push({ kind: 'recursive' });
      i += 2;
      const m = /^[A-Za-z0-9_\-/\\]+/.exec(expr.slice(i).replace(/\\\./g, '\u0000'));
      if (m) {
        steps.push({ kind: 'field', names: [m[0].replace(/\u0000/g, '.')] });
        i += m[0].replace(/\u0000/g, '\\.').length;
      }
    } else if (expr[i] === '.') {
      i++;
      if (expr[i] === '*') {
        steps.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      let name = '';
      while (i < expr.length && !'.[ '.includes(expr[i])) {
        if (expr[i] === '\\' && expr[i + 1] === '.') {
          name += '.';
          i += 2;
        } else name += expr[i++];
      }
      if (name) steps.push({ kind: 'field', names: [name] });
    } else if (expr[i] === '[') {
      const close = matchingBracket(expr, i);
      steps.push(parseBracket(expr.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (expr[i] === ' ') i++;
    else {
      // A bare name at the start (kubectl adds the leading dot only for custom columns).
      let name = '';
      while (i < expr.length && !'.['.includes(expr[i])) name += expr[i++];
      steps.push({ kind: 'field', names: [name] });
    }
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  if (/^['"]/.test(inner)) return { kind: 'field', names: inner.split(',').map((p) => p.trim().slice(1, -1)) };
  const indexes = inner.split(',').map((part) => {
    const p = part.trim();
    if (!p.includes(':')) {
      if (!/^-?\d+$/.test(p)) throw new JsonPathError(`invalid array index ${p}`);
      return Number(p);
    }
    const [a, b, c] = p.split(':').map((x) => (x.trim() === '' ? undefined : Number(x)));
    return { start: a, end: b, step: c };
  });
  return { kind: 'index', indexes };
}

function parseFilter(expr: string): Step {
  const m = /^(@[^<>=!\s]*)\s*(==|!=|<=|>=|<|>|=~)?\s*(.*)$/.exec(expr);
  if (!m) throw new JsonPathError(`unrecognized filter ${expr}`);
  const left = parsePath(m[1].slice(1));
  if (!m[2]) return { kind: 'filter', left };
  const raw = m[3].trim();
  let right: { steps?: Step[]; value?: unknown };
  if (raw.startsWith('@')) right = { steps: parsePath(raw.slice(1)) };
  else if (/^['"]/.test(raw)) right = { value: raw.slice(1, -1) };
  else if (raw === 'true' || raw === 'false') right = { value: raw === 'true' };
  else right = { value: Number(raw) };
  return { kind: 'filter', left, op: m[2], right };
}

/** Evaluates steps from each input value; missing keys yield nothing (kubectl allows them). */
export function evaluate(steps: Step[], inputs: unknown[]): unknown[] {
  let values = inputs;
  for (const step of steps) values = values.flatMap((v) => applyStep(step, v));
  return values;
}

function applyStep(step: Step, v: unknown): unknown[] {
  switch (step.kind) {
    case 'field':
      return isObject(v) ? step.names.filter((n) => n in v).map((n) => v[n]) : [];
    case 'wildcard':
      return Array.isArray(v) ? v : isObject(v) ? Object.keys(v).sort().map((k) => v[k]) : [];
    case 'recursive':
      return descendants(v);
    case 'index':
      if (!Array.isArray(v)) return [];
      return step.indexes.flatMap((ix) => {
        if (typeof ix === 'number') {
          const i = ix < 0 ? v.length + ix : ix;
          if (i < 0 || i >= v.length) throw new JsonPathError(`array index out of bounds: index ${ix}, length ${v.length}`);
          return [v[i]];
        }
        const len = v.length;
        const norm = (x: number | undefined, dflt: number) => (x === undefined ? dflt : x < 0 ? Math.max(0, len + x) : Math.min(len, x));
        const out: unknown[] = [];
        const stepBy = ix.step ?? 1;
        for (let i = norm(ix.start, 0); i < norm(ix.end, len); i += stepBy) out.push(v[i]);
        return out;
      });
    case 'filter': {
      const items = Array.isArray(v) ? v : [];
      return items.filter((item) => {
        const lefts = evaluate(step.left, [item]);
        if (!step.op) return lefts.length > 0;
        const rights = step.right!.steps ? evaluate(step.right!.steps, [item]) : [step.right!.value];
        return lefts.some((l) => rights.some((r) => compare(l, step.op!, r)));
      });
    }
  }
}

function compare(l: unknown, op: string, r: unknown): boolean {
  switch (op) {
    case '==':
      return l === r || String(l) === String(r);
    case '!=':
      return !(l === r || String(l) === String(r));
    case '<':
      return Number(l) < Number(r);
    case '>':
      return Number(l) > Number(r);
    case '<=':
      return Number(l) <= Number(r);
    case '>=':
      return Number(l) >= Number(r);
    case '=~':
      return new RegExp(String(r)).test(String(l));
  }
  return false;
}

function descendants(v: unknown): unknown[] {
  const out: unknown[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...descendants(x));
  else if (isObject(v)) for (const k of Object.keys(v).sort()) out.push(...descendants(v[k]));
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** How jsonpath prints one value: strings raw, everything else as JSON. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  // Go's encoding/json writes map keys sorted.
  if (typeof v === 'object') return JSON.stringify(sortedKeys(v));
  return String(v);
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]));
}

/** Runs a parsed template against the data; results of one expression are joined by spaces. */
export function execute(nodes: Node[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'list') out += evaluate(node.steps, [data]).map(formatValue).join(' ');
    else for (const item of evaluate(node.steps, [data])) out += execute(node.body, item);
  }
  return out;
}
