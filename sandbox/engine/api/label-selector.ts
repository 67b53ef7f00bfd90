// Label selectors as the API server parses them (k8s.io/apimachinery/pkg/labels): the same
// grammar (=, ==, !=, in, notin, exists, !key, gt, lt), the same lexer quirks, and the same
// error texts, which the API returns as 400 BadRequest.
import { isQualifiedName, isValidLabelValue } from './validation/names.js';

export type LabelOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export interface LabelSelector {
  requirements: Requirement[];
  matches(labels: Record<string, string> | undefined): boolean;
  empty: boolean;
}

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
const KEYWORDS: Record<string, Tok> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' };
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(s: string): Array<[Tok, string]> {
  const out: Array<[Tok, string]> = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      out.push(['eos', '']);
      return out;
    }
    if (isSpecial(s[pos])) {
      let buf = '';
      let last: [Tok, string] | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        if (KEYWORDS[buf]) last = [KEYWORDS[buf], buf];
        else if (last) break;
        pos++;
      }
      out.push(last ?? ['error', `error expected: keyword found '${buf}'`]);
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++];
    out.push([KEYWORDS[buf] ?? 'id', buf]);
  }
}

class Parser {
  private pos = 0;
  constructor(private items: Array<[Tok, string]>) {}

  /** In a value context the keywords `in` and `notin` are plain identifiers. */
  private look(values: boolean): [Tok, string] {
    const [t, l] = this.items[this.pos];
    return values && (t === 'in' || t === 'notin') ? ['id', l] : [t, l];
  }
  private take(values: boolean): [Tok, string] {
    const r = this.look(values);
    this.pos++;
    return r;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.look(true);
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!') throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`);
      }
      const [t, l] = this.take(true);
      if (t === 'eos') return reqs;
      if (t !== ',') throw new Error(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = this.look(true);
      if (t2 !== 'id' && t2 !== '!') throw new Error(`found '${l2}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let [tok, key] = this.take(true);
    let operator: LabelOperator | undefined;
    if (tok === '!') {
      operator = '!';
      [tok, key] = this.take(true);
    }
    if (tok !== 'id') throw new Error(`found '${key}', expected: identifier`);
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) throw new Error(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
    const [next] = this.look(true);
    if (next === 'eos' || next === ',') return newRequirement(key, operator ?? 'exists', []);
    if (operator === '!') return newRequirement(key, '!', []);
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue();
    return newRequirement(key, op, values);
  }

  private operator(): LabelOperator {
    const [tok, lit] = this.take(false);
    const ops: Partial<Record<Tok, LabelOperator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    const op = ops[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS}`);
    return op;
  }

  private setValues(): string[] {
    const [tok, lit] = this.take(true);
    if (tok !== '(') throw new Error(`found '${lit}' expected: '('`);
    const [t2, l2] = this.look(true);
    if (t2 === ')') {
      this.take(true);
      return [''];
    }
    if (t2 !== 'id' && t2 !== ',') throw new Error(`found '${l2}', expected: ',', ')' or identifier`);
    const values = this.identifierList();
    if (this.take(true)[0] !== ')') throw new Error(`found '${l2}', expected: ')'`);
    return values;
  }

  private identifierList(): string[] {
    const set = new Set<string>();
    for (;;) {
      const [tok, lit] = this.take(true);
      if (tok === 'id') {
        set.add(lit);
        const [t2, l2] = this.look(true);
        if (t2 === ',') continue;
        if (t2 === ')') return [...set].sort();
        throw new Error(`found '${l2}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new Error(`found '${lit}', expected: ',', or identifier`);
      if (set.size === 0) set.add('');
      const [t2] = this.look(true);
      if (t2 === ')') {
        set.add('');
        return [...set].sort();
      }
      if (t2 === ',') {
        this.take(true);
        set.add('');
      }
    }
  }

  private exactValue(): string[] {
    const [tok] = this.look(true);
    if (tok === 'eos' || tok === ',') return [''];
    const [t, lit] = this.take(true);
    if (t === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/** labels.NewRequirement's checks, with its field paths (values[i][key]) and aggregated messages. */
function newRequirement(key: string, operator: LabelOperator, values: string[]): Requirement {
  const errs: string[] = [];
  if (operator === 'gt' || operator === 'lt') {
    if (values.length !== 1) errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'Gt', 'Lt' operators, exactly one value is required`);
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  values.forEach((v, i) => {
    const bad = isValidLabelValue(v);
    if (bad.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${bad.join('; ')}`);
  });
  if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  return { key, operator, values };
}

const goStringSlice = (values: string[]) => `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;

function matchesRequirement(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value)) return false;
      const n = Number(value);
      const bound = Number(r.values[0]);
      return r.operator === 'gt' ? n > bound : n < bound;
    }
  }
}

/** Parses a selector string; throws Error with the apimachinery message on bad syntax. */
export function parseLabelSelector(selector: string): LabelSelector {
  const requirements = new Parser(lex(selector)).parse().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return selectorOf(requirements);
}

function selectorOf(requirements: Requirement[]): LabelSelector {
  return {
    requirements,
    empty: requirements.length === 0,
    matches: (labels) => requirements.every((r) => matchesRequirement(r, labels ?? {})),
  };
}

/** A metav1.LabelSelector (matchLabels + matchExpressions), as workloads carry it. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** metav1.LabelSelectorAsSelector: nil matches nothing, empty matches everything. */
export function selectorFromSpec(spec: LabelSelectorSpec | undefined | null): LabelSelector {
  if (!spec) return { requirements: [], empty: true, matches: () => false };
  const reqs: Requirement[] = Object.entries(spec.matchLabels ?? {}).map(([key, v]) => ({ key, operator: '=', values: [v] }));
  const ops: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  for (const e of spec.matchExpressions ?? []) {
    const op = ops[e.operator];
    if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])] });
  }
  return selectorOf(reqs);
}
