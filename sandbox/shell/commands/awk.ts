// awk, the common subset: BEGIN/END, /regex/ and expression patterns, print and printf,
// fields ($1, $NF, $0), NR, NF, FS (-F), variables, = += -= ++ --, arithmetic, comparison,
// ~ and !~, && || !, string concatenation, length(), toupper(), tolower(), substr().
import type { CommandFn } from '../interpreter.js';
import { VfsError } from '../vfs.js';

type Tok = { t: 'num' | 'str' | 're' | 'id' | 'op' | 'field'; v: string };
type Expr = (env: Env) => unknown;
interface Rule { kind: 'begin' | 'end' | 'main'; pattern?: Expr; action: Array<(env: Env) => void> }
interface Env { fields: string[]; vars: Map<string, unknown>; nr: number; out: (s: string) => void }

class AwkError extends Error {}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = () => { const p = toks[toks.length - 1]; return !p || (p.t === 'op' && !')]'.includes(p.v)); };
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch) && ch !== '\n') { i++; continue; }
    if (ch === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (ch === '"') {
      let s = ''; i++;
      while (i < src.length && src[i] !== '"') { if (src[i] === '\\') { const n = src[++i]; s += ({ n: '\n', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[n] ?? '\\' + n; i++; } else s += src[i++]; }
      i++; toks.push({ t: 'str', v: s }); continue;
    }
    if (ch === '/' && prevAllowsRegex()) {
      let s = ''; i++;
      while (i < src.length && src[i] !== '/') { if (src[i] === '\\' && src[i + 1] === '/') { s += '/'; i += 2; } else s += src[i++]; }
      i++; toks.push({ t: 're', v: s }); continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { toks.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { toks.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const op = ['+=', '-=', '*=', '/=', '++', '--', '==', '!=', '<=', '>=', '&&', '||', '!~'].find((o) => src.startsWith(o, i)) ?? ch;
    toks.push({ t: 'op', v: op === '\n' ? ';' : op }); i += op.length;
  }
  return toks;
}

const num = (v: unknown) => (typeof v === 'number' ? v : parseFloat(String(v ?? '')) || 0);
const str = (v: unknown) => (v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : String(v));
const looksNumeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v));

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}
  private peek(v?: string) { const t = this.toks[this.i]; return v === undefined ? t : t && t.v === v && (t.t === 'op' || t.t === 'id') ? t : undefined; }
  private eat(v: string) { if (!this.peek(v)) throw new AwkError(`syntax error at source line 1: expected ${v}`); this.i++; }
  private skipSeps() { while (this.peek(';')) this.i++; }

  program(): Rule[] {
    const rules: Rule[] = [];
    for (this.skipSeps(); this.i < this.toks.length; this.skipSeps()) {
      if (this.peek('BEGIN') || this.peek('END')) { const kind = this.toks[this.i++].v === 'BEGIN' ? 'begin' : 'end'; rules.push({ kind, action: this.block() }); continue; }
      const pattern = this.peek('{') ? undefined : this.expr();
      const action = this.peek('{') ? this.block() : [(env: Env) => env.out(env.fields[0] + '\n')];
      rules.push({ kind: 'main', pattern, action });
    }
    return rules;
  }
  private block(): Array<(env: Env) => void> {
    this.eat('{');
    const stmts: Array<(env: Env) => void> = [];
    for (this.skipSeps(); !this.peek('}'); this.skipSeps()) stmts.push(this.statement());
    this.eat('}');
    return stmts;
  }
  private statement(): (env: Env) => void {
    if (this.peek('print') || this.peek('printf')) {
      const isPrintf = this.toks[this.i++].v === 'printf';
      const args: Expr[] = [];
      if (!this.peek(';') && !this.peek('}')) { args.push(this.expr()); while (this.peek(',')) { this.i++; args.push(this.expr()); } }
      if (isPrintf) return (env) => env.out(formatPrintf(str(args[0]?.(env)), args.slice(1).map((a) => a(env))));
      return (env) => env.out((args.length ? args.map((a) => str(a(env))).join(' ') : env.fields[0]) + '\n');
    }
    const e = this.expr();
    return (env) => void e(env);
  }
  expr(): Expr { return this.ternaryOrAssign(); }
  private ternaryOrAssign(): Expr {
    const start = this.i;
    const t = this.toks[this.i];
    if (t?.t === 'id' && this.toks[this.i + 1] && ['=', '+=', '-=', '*=', '/='].includes(this.toks[this.i + 1].v) && this.toks[this.i + 1].t === 'op') {
      const name = t.v; const op = this.toks[this.i + 1].v; this.i += 2;
      const rhs = this.ternaryOrAssign();
      return (env) => { const cur = num(env.vars.get(name)); const r = rhs(env); const v = op === '=' ? r : op === '+=' ? cur + num(r) : op === '-=' ? cur - num(r) : op === '*=' ? cur * num(r) : cur / num(r); env.vars.set(name, v); return v; };
    }
    this.i = start;
    return this.or();
  }
  private or(): Expr { let l = this.and(); while (this.peek('||')) { this.i++; const a = l, b = this.and(); l = (env) => (truthy(a(env)) || truthy(b(env)) ? 1 : 0); } return l; }
  private and(): Expr { let l = this.match(); while (this.peek('&&')) { this.i++; const a = l, b = this.match(); l = (env) => (truthy(a(env)) && truthy(b(env)) ? 1 : 0); } return l; }
  private match(): Expr {
    let l = this.comparison();
    while (this.peek('~') || this.peek('!~')) {
      const neg = this.toks[this.i++].v === '!~'; const a = l; const r = this.toks[this.i]?.t === 're' ? new RegExp(this.toks[this.i++].v) : undefined; const b = r ? undefined : this.comparison();
      l = (env) => ((r ?? new RegExp(str(b!(env)))).test(str(a(env))) !== neg ? 1 : 0);
    }
    return l;
  }
  private comparison(): Expr {
    const l = this.concat();
    const op = ['==', '!=', '<', '>', '<=', '>='].find((o) => this.peek(o));
    if (!op) return l;
    this.i++; const r = this.concat();
    return (env) => {
      const a = l(env), b = r(env);
      const [x, y] = looksNumeric(a) && looksNumeric(b) ? [num(a), num(b)] : [str(a), str(b)];
      return ({ '==': x === y, '!=': x !== y, '<': x < y, '>': x > y, '<=': x <= y, '>=': x >= y } as Record<string, boolean>)[op] ? 1 : 0;
    };
  }
  private concat(): Expr {
    let l = this.additive();
    while (this.startsOperand()) { const a = l, b = this.additive(); l = (env) => str(a(env)) + str(b(env)); }
    return l;
  }
  private startsOperand(): boolean { const t = this.toks[this.i]; return !!t && (t.t === 'num' || t.t === 'str' || (t.t === 'id' && !['in'].includes(t.v)) || (t.t === 'op' && ['$', '(', '!'].includes(t.v))); }
  private additive(): Expr { let l = this.term(); for (let op; (op = this.peek('+') ?? this.peek('-')); ) { this.i++; const a = l, b = this.term(), o = op.v; l = (env) => (o === '+' ? num(a(env)) + num(b(env)) : num(a(env)) - num(b(env))); } return l; }
  private term(): Expr { let l = this.unary(); for (let op; (op = this.peek('*') ?? this.peek('/') ?? this.peek('%')); ) { this.i++; const a = l, b = this.unary(), o = op.v; l = (env) => (o === '*' ? num(a(env)) * num(b(env)) : o === '/' ? num(a(env)) / num(b(env)) : num(a(env)) % num(b(env))); } return l; }
  private unary(): Expr {
    if (this.peek('!')) { this.i++; const e = this.unary(); return (env) => (truthy(e(env)) ? 0 : 1); }
    if (this.peek('-')) { this.i++; const e = this.unary(); return (env) => -num(e(env)); }
    return this.postfix();
  }
  private postfix(): Expr {
    const t = this.toks[this.i];
    if (t?.t === 'id' && (this.toks[this.i + 1]?.v === '++' || this.toks[this.i + 1]?.v === '--') && this.toks[this.i + 1].t === 'op') {
      this.i += 2; const d = this.toks[this.i - 1].v === '++' ? 1 : -1;
      return (env) => { const v = num(env.vars.get(t.v)); env.vars.set(t.v, v + d); return v; };
    }
    return this.primary();
  }
  private primary(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw new AwkError('syntax error at source line 1');
    if (t.t === 'num') { const v = Number(t.v); return () => v; }
    if (t.t === 'str') return () => t.v;
    if (t.t === 're') { const re = new RegExp(t.v); return (env) => (re.test(env.fields[0]) ? 1 : 0); }
    if (t.v === '$') { const e = this.primary(); return (env) => env.fields[num(e(env))] ?? ''; }
    if (t.v === '(') { const e = this.expr(); this.eat(')'); return e; }
    if (t.t === 'id') {
      if (this.peek('(')) { this.i++; const args: Expr[] = []; if (!this.peek(')')) { args.push(this.expr()); while (this.peek(',')) { this.i++; args.push(this.expr()); } } this.eat(')'); return builtin(t.v, args); }
      if (t.v === 'NR') return (env) => env.nr;
      if (t.v === 'NF') return (env) => env.fields.length - 1;
      if (t.v === 'length') return (env) => env.fields[0].length;
      return (env) => env.vars.get(t.v) ?? '';
    }
    throw new AwkError(`syntax error at source line 1 near ${t.v}`);
  }
}

function builtin(name: string, args: Expr[]): Expr {
  switch (name) {
    case 'length': return (env) => str(args[0] ? args[0](env) : env.fields[0]).length;
    case 'toupper': return (env) => str(args[0](env)).toUpperCase();
    case 'tolower': return (env) => str(args[0](env)).toLowerCase();
    case 'substr': return (env) => { const s = str(args[0](env)); const start = Math.max(1, num(args[1](env))); return args[2] ? s.substr(start - 1, num(args[2](env))) : s.slice(start - 1); };
    case 'int': return (env) => Math.trunc(num(args[0](env)));
    default: throw new AwkError(`calling undefined function ${name}`);
  }
}

const truthy = (v: unknown) => (typeof v === 'number' ? v !== 0 : v !== '' && v !== undefined);

function formatPrintf(fmt: string, args: unknown[]): string {
  let i = 0;
  return fmt.replace(/%(-?)(\d*)(?:\.(\d+))?([sdfi%])/g, (_, left: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    const a = args[i++];
    let s = conv === 'd' || conv === 'i' ? String(Math.trunc(num(a))) : conv === 'f' ? num(a).toFixed(prec ? Number(prec) : 6) : str(a);
    if (conv === 's' && prec) s = s.slice(0, Number(prec));
    const w = Number(width || 0);
    return left ? s.padEnd(w) : s.padStart(w);
  });
}

export function runAwk(program: string, input: string, fs: string, assigns: Array<[string, string]>): string {
  const rules = new Parser(lex(program)).program();
  let out = '';
  const env: Env = { fields: [''], vars: new Map(assigns), nr: 0, out: (s) => (out += s) };
  const split = (line: string) => (fs === ' ' ? line.trim().split(/\s+/).filter(Boolean) : line.split(fs.length === 1 ? fs : new RegExp(fs)));
  for (const r of rules) if (r.kind === 'begin') r.action.forEach((s) => s(env));
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    env.nr++;
    env.fields = [line, ...split(line)];
    for (const r of rules) if (r.kind === 'main' && (!r.pattern || truthy(r.pattern(env)))) r.action.forEach((s) => s(env));
  }
  for (const r of rules) if (r.kind === 'end') r.action.forEach((s) => s(env));
  return out;
}

export const awk: CommandFn = ({ args, io, shell }) => {
  let fs = ' ';
  const assigns: Array<[string, string]> = [];
  let program: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-F') fs = args[++i] ?? ' ';
    else if (a.startsWith('-F')) fs = a.slice(2);
    else if (a === '-v') { const [k, ...v] = (args[++i] ?? '').split('='); assigns.push([k, v.join('=')]); }
    else if (program === undefined) program = a;
    else files.push(a);
  }
  if (program === undefined) { io.err('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n'); return 2; }
  if (fs === '\\t' || fs === 't') fs = '\t';
  try {
    const input = files.length ? files.map((f) => shell.fs.readFile(f)).join('') : io.stdin;
    io.out(runAwk(program, input, fs, assigns));
    return 0;
  } catch (e) {
    if (e instanceof AwkError) { io.err(`awk: ${e.message}\n`); return 2; }
    if (e instanceof VfsError) { io.err(`awk: can't open file ${e.path}\n`); return 2; }
    throw e;
  }
};
