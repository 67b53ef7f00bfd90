// Text utilities learners pipe kubectl into: head, tail, wc, grep, sort, uniq, tr, cut, tee,
// base64, test. They read their operands or stdin, like GNU coreutils.
import type { CommandContext, CommandFn } from '../interpreter.js';
import { VfsError } from '../vfs.js';
import { getopt, invalidOption } from './options.js';

/** The inputs of a filter: named files, or stdin when none (or `-`). */
function inputs(tool: string, files: string[], ctx: CommandContext): { texts: Array<{ name: string; text: string }>; status: number } {
  if (!files.length) return { texts: [{ name: '(standard input)', text: ctx.io.stdin }], status: 0 };
  const texts: Array<{ name: string; text: string }> = [];
  let status = 0;
  for (const f of files) {
    if (f === '-') texts.push({ name: '(standard input)', text: ctx.io.stdin });
    else {
      try {
        texts.push({ name: f, text: ctx.shell.fs.readFile(f) });
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.io.err(`${tool}: ${f}: ${e.reason}\n`);
        status = tool === 'grep' ? 2 : 1;
      }
    }
  }
  return { texts, status };
}

const lines = (text: string) => {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
};

function headTail(tool: 'head' | 'tail'): CommandFn {
  return (ctx) => {
    const args = ctx.args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const opts = getopt(args, { flags: 'fqv', valued: 'nc', long: { lines: 'n', bytes: 'c', follow: 'f' } });
    if (opts.unknown) return ctx.io.err(invalidOption(tool, opts.unknown)), 1;
    const spec = opts.values.get('n') ?? '10';
    const { texts, status } = inputs(tool, opts.operands, ctx);
    texts.forEach(({ name, text }, i) => {
      if (texts.length > 1) ctx.io.out(`${i ? '\n' : ''}==> ${name} <==\n`);
      const all = lines(text);
      let picked: string[];
      if (tool === 'head') picked = spec.startsWith('-') ? all.slice(0, Math.max(0, all.length - Number(spec.slice(1)))) : all.slice(0, Number(spec));
      else picked = spec.startsWith('+') ? all.slice(Number(spec.slice(1)) - 1) : all.slice(Math.max(0, all.length - Number(spec)));
      ctx.io.out(picked.map((l) => l + '\n').join(''));
    });
    return status;
  };
}

const wc: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (opts.unknown) return ctx.io.err(invalidOption('wc', opts.unknown)), 1;
  const which = opts.flags.size ? ['l', 'w', 'c', 'm'].filter((f) => opts.flags.has(f)) : ['l', 'w', 'c'];
  const { texts, status } = inputs('wc', opts.operands, ctx);
  const count = (t: string) => ({ l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(t).length, m: [...t].length });
  const rows = texts.map(({ name, text }) => ({ name: opts.operands.length ? name : '', n: count(text) }));
  if (rows.length > 1) rows.push({ name: 'total', n: rows.reduce((s, r) => ({ l: s.l + r.n.l, w: s.w + r.n.w, c: s.c + r.n.c, m: s.m + r.n.m }), { l: 0, w: 0, c: 0, m: 0 }) });
  // GNU wc pads to the widest count only when several numbers or files are printed.
  const width = which.length === 1 && rows.length === 1 ? 0 : Math.max(...rows.flatMap((r) => which.map((k) => String(r.n[k as 'l']).length)));
  for (const r of rows) ctx.io.out(which.map((k) => String(r.n[k as 'l']).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n');
  return status;
};

/** A basic/extended regular expression as a JS RegExp (the common subset). */
function toRegExp(pattern: string, extended: boolean, ignoreCase: boolean, fixed: boolean, word: boolean): RegExp {
  let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : extended ? pattern : pattern.replace(/\\([|+?(){}])|([|+?(){}])/g, (_, esc: string, plain: string) => (esc ? esc : `\\${plain}`));
  if (word) src = `\\b(?:${src})\\b`;
  return new RegExp(src, ignoreCase ? 'i' : '');
}

interface GrepOutput {
  out(text: string): void;
  showName: boolean;
  numbered: boolean;
  onlyMatching: boolean;
  /** Context lines after and before each match (-A, -B, -C); 0 without context. */
  after: number;
  before: number;
}

/**
 * Prints one input's matching lines as GNU grep does: `name:` and `N:` prefixes on matches,
 * `name-` and `N-` on context lines, and `--` between groups of context that do not touch.
 */
function printMatches(text: string, name: string, isMatch: (line: string) => boolean, re: RegExp, o: GrepOutput): void {
  const all = lines(text);
  let lastPrinted = -1;
  let afterLeft = 0;
  const print = (i: number, sep: ':' | '-') => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (o.after || o.before)) o.out('--\n');
    const prefix = (o.showName ? `${name}${sep}` : '') + (o.numbered ? `${i + 1}${sep}` : '');
    if (o.onlyMatching && sep === ':') for (const m of all[i].match(new RegExp(re.source, re.flags + 'g')) ?? []) o.out(prefix + m + '\n');
    else if (!o.onlyMatching) o.out(prefix + all[i] + '\n');
    lastPrinted = i;
  };
  all.forEach((line, i) => {
    if (isMatch(line)) {
      for (let b = Math.max(lastPrinted + 1, i - o.before); b < i; b++) print(b, '-');
      print(i, ':');
      afterLeft = o.after;
    } else if (afterLeft > 0) {
      afterLeft--;
      print(i, '-');
    }
  });
}

const contextCount = (v: string | undefined): number | undefined => (v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : NaN);

const grep: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'ivcnlqEFwoHhr', valued: 'eABC', long: { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', quiet: 'q', 'extended-regexp': 'E' } });
  if (opts.unknown) return ctx.io.err(`grep: ${opts.unknown.startsWith('--') ? `unrecognized option '${opts.unknown}'` : `invalid option -- '${opts.unknown.slice(1)}'`}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`), 2;
  const pattern = opts.values.get('e') ?? opts.operands.shift();
  if (pattern === undefined) return ctx.io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"), 2;
  const context = contextCount(opts.values.get('C')) ?? 0;
  const after = contextCount(opts.values.get('A')) ?? context;
  const before = contextCount(opts.values.get('B')) ?? context;
  for (const k of ['A', 'B', 'C'] as const) {
    const v = opts.values.get(k);
    if (v !== undefined && Number.isNaN(contextCount(v))) return ctx.io.err(`grep: ${v}: invalid context length argument\n`), 2;
  }
  let re: RegExp;
  try {
    re = toRegExp(pattern, opts.flags.has('E'), opts.flags.has('i'), opts.flags.has('F'), opts.flags.has('w'));
  } catch {
    ctx.io.err(`grep: Unmatched ( or \\(\n`);
    return 2;
  }
  const { texts, status } = inputs('grep', opts.operands, ctx);
  const showName = (texts.length > 1 || opts.flags.has('H')) && !opts.flags.has('h');
  const isMatch = (line: string) => re.test(line) !== opts.flags.has('v');
  const quietish = opts.flags.has('q') || opts.flags.has('c') || opts.flags.has('l');
  let matched = false;
  for (const { name, text } of texts) {
    const count = lines(text).filter(isMatch).length;
    if (count) matched = true;
    if (!quietish) printMatches(text, name, isMatch, re, { out: (t) => ctx.io.out(t), showName, numbered: opts.flags.has('n'), onlyMatching: opts.flags.has('o'), after, before });
    if (opts.flags.has('c')) ctx.io.out((showName ? `${name}:` : '') + count + '\n');
    if (opts.flags.has('l') && count) ctx.io.out(name + '\n');
  }
  return status || (matched ? 0 : 1);
};

const sort: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'rnuf', valued: 'kt' });
  const { texts, status } = inputs('sort', opts.operands, ctx);
  const key = opts.values.get('k') ? Number(opts.values.get('k')!.split(',')[0]) - 1 : -1;
  const sep = opts.values.get('t');
  const field = (l: string) => (key < 0 ? l : (sep ? l.split(sep) : l.trim().split(/\s+/))[key] ?? '');
  let all = texts.flatMap((t) => lines(t.text));
  all.sort((a, b) => {
    const fa = field(a);
    const fb = field(b);
    if (opts.flags.has('n')) return (parseFloat(fa) || 0) - (parseFloat(fb) || 0) || (a < b ? -1 : a > b ? 1 : 0);
    const ca = opts.flags.has('f') ? fa.toLowerCase() : fa;
    const cb = opts.flags.has('f') ? fb.toLowerCase() : fb;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
  if (opts.flags.has('r')) all.reverse();
  if (opts.flags.has('u')) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  ctx.io.out(all.map((l) => l + '\n').join(''));
  return status;
};

const uniq: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'cdu' });
  const { texts, status } = inputs('uniq', opts.operands.slice(0, 1), ctx);
  const groups: Array<{ line: string; n: number }> = [];
  for (const l of lines(texts[0]?.text ?? '')) {
    const last = groups[groups.length - 1];
    if (last && last.line === l) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (opts.flags.has('d') && g.n < 2) continue;
    if (opts.flags.has('u') && g.n > 1) continue;
    ctx.io.out((opts.flags.has('c') ? `${String(g.n).padStart(7)} ` : '') + g.line + '\n');
  }
  return status;
};

function expandSet(set: string): string {
  const classes: Record<string, string> = { '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:digit:]': '0123456789', '[:space:]': ' \t\n\r\f\v' };
  let s = set.replace(/\[:\w+:\]/g, (c) => classes[c] ?? c).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  s = s.replace(/(.)-(.)/g, (_, a: string, b: string) => {
    let out = '';
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out += String.fromCharCode(c);
    return out;
  });
  return s;
}

const tr: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'ds' });
  const from = expandSet(opts.operands[0] ?? '');
  const to = expandSet(opts.operands[1] ?? '');
  let out = '';
  for (const ch of ctx.io.stdin) {
    const i = from.indexOf(ch);
    if (i < 0) out += ch;
    else if (!opts.flags.has('d')) out += to[Math.min(i, to.length - 1)] ?? ch;
  }
  if (opts.flags.has('s')) {
    const squeeze = opts.flags.has('d') ? to : to || from;
    out = out.replace(/(.)\1+/gs, (m, c: string) => (squeeze.includes(c) ? c : m));
  }
  ctx.io.out(out);
  return 0;
};

const cut: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { valued: 'dfc' });
  const { texts, status } = inputs('cut', opts.operands, ctx);
  const listSpec = opts.values.get('f') ?? opts.values.get('c');
  if (!listSpec) return ctx.io.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"), 1;
  const picks = (n: number) => listSpec.split(',').some((r) => {
    const [a, b] = r.split('-');
    const lo = a ? Number(a) : 1;
    const hi = r.includes('-') ? (b ? Number(b) : Infinity) : lo;
    return n >= lo && n <= hi;
  });
  const delim = opts.values.get('d') ?? '\t';
  for (const { text } of texts) {
    for (const line of lines(text)) {
      if (opts.values.has('c')) ctx.io.out([...line].filter((_, i) => picks(i + 1)).join('') + '\n');
      else if (!line.includes(delim)) ctx.io.out(line + '\n');
      else ctx.io.out(line.split(delim).filter((_, i) => picks(i + 1)).join(delim) + '\n');
    }
  }
  return status;
};

const tee: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'a' });
  for (const f of opts.operands) {
    if (opts.flags.has('a')) ctx.shell.fs.appendFile(f, ctx.io.stdin);
    else ctx.shell.fs.writeFile(f, ctx.io.stdin);
  }
  ctx.io.out(ctx.io.stdin);
  return 0;
};

const base64: CommandFn = (ctx) => {
  const opts = getopt(ctx.args, { flags: 'dw', long: { decode: 'd' } });
  const { texts, status } = inputs('base64', opts.operands, ctx);
  const input = texts.map((t) => t.text).join('');
  if (opts.flags.has('d')) {
    const clean = input.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return ctx.io.err('base64: invalid input\n'), 1;
    ctx.io.out(new TextDecoder().decode(Uint8Array.from(atobSafe(clean), (c) => c.charCodeAt(0))));
    return status;
  }
  const encoded = btoaSafe(String.fromCharCode(...new TextEncoder().encode(input)));
  ctx.io.out((encoded.match(/.{1,76}/g) ?? ['']).join('\n') + '\n');
  return status;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function btoaSafe(bin: string): string {
  let out = '';
  for (let i = 0; i < bin.length; i += 3) {
    const [a, b, c] = [bin.charCodeAt(i), bin.charCodeAt(i + 1), bin.charCodeAt(i + 2)];
    out += B64[a >> 2] + B64[((a & 3) << 4) | ((b || 0) >> 4)] + (i + 1 < bin.length ? B64[((b & 15) << 2) | ((c || 0) >> 6)] : '=') + (i + 2 < bin.length ? B64[c & 63] : '=');
  }
  return out;
}
function atobSafe(s: string): string {
  let out = '';
  const clean = s.replace(/=+$/, '');
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => B64.indexOf(clean[i + j] ?? 'A'));
    const bytes = [(n[0] << 2) | (n[1] >> 4), ((n[1] & 15) << 4) | (n[2] >> 2), ((n[2] & 3) << 6) | n[3]];
    out += String.fromCharCode(...bytes.slice(0, Math.max(1, Math.min(3, clean.length - i - 1))));
  }
  return out;
}

const test: CommandFn = (ctx) => {
  let args = ctx.args;
  if (ctx.name === '[') {
    if (args[args.length - 1] !== ']') return ctx.io.err("bash: [: missing `]'\n"), 2;
    args = args.slice(0, -1);
  }
  const fs = ctx.shell.fs;
  const evalExpr = (a: string[]): boolean => {
    if (a[0] === '!') return !evalExpr(a.slice(1));
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const [op, v] = a;
      if (op === '-z') return v === '';
      if (op === '-n') return v !== '';
      if (op === '-f') return fs.exists(v) && fs.stat(v).type === 'file';
      if (op === '-d') return fs.exists(v) && fs.stat(v).type === 'dir';
      if (op === '-e') return fs.exists(v);
      if (op === '-s') return fs.exists(v) && fs.stat(v).size > 0;
    }
    const [l, op, r] = a;
    const n = (x: string) => parseInt(x, 10);
    switch (op) {
      case '=': case '==': return l === r;
      case '!=': return l !== r;
      case '-eq': return n(l) === n(r);
      case '-ne': return n(l) !== n(r);
      case '-lt': return n(l) < n(r);
      case '-le': return n(l) <= n(r);
      case '-gt': return n(l) > n(r);
      case '-ge': return n(l) >= n(r);
    }
    return false;
  };
  return evalExpr(args) ? 0 : 1;
};

export const textCommands: Record<string, CommandFn> = { head: headTail('head'), tail: headTail('tail'), wc, grep, sort, uniq, tr, cut, tee, base64, test, '[': test };
