// Splits shell input into words and operators, keeping each word's quoting so expansion can
// tell "$x" from $x. Here-document bodies are read at the newline after their operator.
import { IncompleteInput, type Word, type WordPart } from './ast.js';

export type Token =
  | { type: 'word'; word: Word; raw: string }
  | { type: 'op'; op: string }
  | { type: 'io'; fd: number; op: string }
  | { type: 'newline' }
  | { type: 'heredoc'; body: string; expand: boolean };

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '&>', '|', ';', '&', '(', ')', '<', '>'];

export function tokenize(src: string): Token[] {
  return new Lexer(src).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private pendingHeredocs: Array<{ token: { type: 'heredoc'; body: string; expand: boolean }; delimiter: string; stripTabs: boolean }> = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === ' ' || ch === '\t') this.pos++;
      else if (ch === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (ch === '#') this.skipComment();
      else if (ch === '\n') this.newline();
      else if (this.tryOperator()) continue;
      else this.readWord();
    }
    if (this.pendingHeredocs.length) throw new IncompleteInput('here-document');
    return this.tokens;
  }

  private skipComment(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  private newline(): void {
    this.pos++;
    this.tokens.push({ type: 'newline' });
    for (const pending of this.pendingHeredocs.splice(0)) this.readHeredocBody(pending);
  }

  private readHeredocBody(p: (typeof this.pendingHeredocs)[number]): void {
    const lines: string[] = [];
    for (;;) {
      if (this.pos >= this.src.length) throw new IncompleteInput('here-document');
      let end = this.src.indexOf('\n', this.pos);
      if (end < 0) throw new IncompleteInput('here-document');
      let line = this.src.slice(this.pos, end);
      this.pos = end + 1;
      if (p.stripTabs) line = line.replace(/^\t+/, '');
      if (line === p.delimiter) break;
      lines.push(line);
    }
    p.token.body = lines.length ? lines.join('\n') + '\n' : '';
  }

  private tryOperator(): boolean {
    const fdMatch = /^(\d+)(>>|>&|>|<<-|<<|<)/.exec(this.src.slice(this.pos, this.pos + 5));
    if (fdMatch) {
      this.pos += fdMatch[0].length;
      this.pushRedirect(Number(fdMatch[1]), fdMatch[2]);
      return true;
    }
    const op = OPERATORS.find((o) => this.src.startsWith(o, this.pos));
    if (!op) return false;
    this.pos += op.length;
    if (['<', '>', '>>', '>&', '&>', '<<', '<<-'].includes(op)) this.pushRedirect(op.startsWith('<') ? 0 : 1, op);
    else this.tokens.push({ type: 'op', op });
    return true;
  }

  private pushRedirect(fd: number, op: string): void {
    if (op !== '<<' && op !== '<<-') {
      this.tokens.push({ type: 'io', fd, op });
      return;
    }
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    const start = this.pos;
    const delimWord = this.scanWord();
    const raw = this.src.slice(start, this.pos);
    const delimiter = delimWord.parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('');
    const token = { type: 'heredoc' as const, body: '', expand: !/['"\\]/.test(raw) };
    this.tokens.push({ type: 'io', fd, op: '<<' });
    this.tokens.push(token);
    this.pendingHeredocs.push({ token, delimiter, stripTabs: op === '<<-' });
  }

  private readWord(): void {
    const start = this.pos;
    const word = this.scanWord();
    this.tokens.push({ type: 'word', word, raw: this.src.slice(start, this.pos) });
  }

  private scanWord(): Word {
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ kind: 'lit', text, quoted });
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (' \t\n;&|()<>'.includes(ch)) break;
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) throw new IncompleteInput('escape');
        this.pos += 2;
        if (next !== '\n') lit(next, true);
      } else if (ch === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new IncompleteInput('quote');
        lit(this.src.slice(this.pos + 1, end), true);
        // An empty '' still makes a (quoted, empty) word.
        if (end === this.pos + 1) parts.push({ kind: 'lit', text: '', quoted: true });
        this.pos = end + 1;
      } else if (ch === '"') {
        this.pos++;
        this.scanDoubleQuoted(parts, lit);
      } else if (ch === '$' || ch === '`') {
        const part = this.scanDollar(false);
        if (part) parts.push(part);
        else lit(ch, false), this.pos++;
      } else {
        lit(ch, false);
        this.pos++;
      }
    }
    return { parts };
  }

  private scanDoubleQuoted(parts: WordPart[], lit: (t: string, q: boolean) => void): void {
    let sawAny = false;
    for (;;) {
      if (this.pos >= this.src.length) throw new IncompleteInput('quote');
      const ch = this.src[this.pos];
      if (ch === '"') {
        this.pos++;
        if (!sawAny) parts.push({ kind: 'lit', text: '', quoted: true });
        return;
      }
      sawAny = true;
      if (ch === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) {
        if (this.src[this.pos + 1] !== '\n') lit(this.src[this.pos + 1], true);
        this.pos += 2;
      } else if (ch === '$' || ch === '`') {
        const part = this.scanDollar(true);
        if (part) parts.push(part);
        else lit(ch, true), this.pos++;
      } else {
        lit(ch, true);
        this.pos++;
      }
    }
  }

  /** $name, ${name}, ${name:-word}, $?, $(cmd), `cmd`; undefined when `$` is literal. */
  private scanDollar(quoted: boolean): WordPart | undefined {
    const s = this.src;
    if (s[this.pos] === '`') {
      const end = s.indexOf('`', this.pos + 1);
      if (end < 0) throw new IncompleteInput('backquote');
      const script = s.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'cmd', script, quoted };
    }
    const next = s[this.pos + 1];
    if (next === '(') {
      const end = findClosingParen(s, this.pos + 2);
      const script = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { kind: 'cmd', script, quoted };
    }
    if (next === '{') {
      const end = s.indexOf('}', this.pos + 2);
      if (end < 0) throw new IncompleteInput('brace');
      const inner = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!])(?:(:-|-|:=)(.*))?$/s.exec(inner);
      if (!m) return { kind: 'lit', text: '${' + inner + '}', quoted };
      if (m[1]) return { kind: 'param', name: m[2], quoted, op: '#' };
      const op = m[3] as ':-' | '-' | ':=' | undefined;
      return op ? { kind: 'param', name: m[2], quoted, op, arg: tokenizeWordText(m[4]) } : { kind: 'param', name: m[2], quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!])/.exec(s.slice(this.pos + 1));
    if (!m) return undefined;
    this.pos += 1 + m[1].length;
    return { kind: 'param', name: m[1], quoted };
  }
}

function findClosingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === "'") {
      i = s.indexOf("'", i + 1);
      if (i < 0) break;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new IncompleteInput('command substitution');
}

/** The word inside ${x:-word}, lexed as if it were double-quoted-ish text. */
function tokenizeWordText(text: string): Word {
  const tokens = new Lexer(text).run();
  const parts: WordPart[] = [];
  tokens.forEach((t, i) => {
    if (i > 0) parts.push({ kind: 'lit', text: ' ', quoted: true });
    if (t.type === 'word') parts.push(...t.word.parts);
  });
  return { parts };
}
