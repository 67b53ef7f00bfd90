// Recursive-descent parser over the lexer's tokens: lists, and-or lists, pipelines, simple
// commands with assignments and redirections, if/while/until/for, { } and ( ) groups, functions.
import {
  IncompleteInput,
  ShellSyntaxError,
  type AndOr,
  type Command,
  type Pipeline,
  type Redirect,
  type Script,
  type SimpleCommand,
  type Word,
} from './ast.js';
import { tokenize, type Token } from './lexer.js';

export function parse(src: string): Script {
  return new Parser(tokenize(src)).script([]);
}

const RESERVED_END = ['then', 'else', 'elif', 'fi', 'do', 'done', '}'];

/** The literal text of a word with no expansions or quotes, or undefined. */
function plainText(t: Token | undefined): string | undefined {
  if (!t || t.type !== 'word') return undefined;
  const [p, ...rest] = t.word.parts;
  return p && !rest.length && p.kind === 'lit' && !p.quoted ? p.text : undefined;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.type === 'op' && t.op === op;
  }
  private isKeyword(word: string): boolean {
    return plainText(this.peek()) === word;
  }
  private skipNewlines(): void {
    while (this.peek()?.type === 'newline') this.i++;
  }
  private unexpected(): never {
    const t = this.peek();
    if (!t) throw new IncompleteInput('end of input');
    const text = t.type === 'op' ? t.op : t.type === 'newline' ? 'newline' : t.type === 'word' ? t.raw : t.type === 'io' ? t.op : 'heredoc';
    throw new ShellSyntaxError(`syntax error near unexpected token \`${text}'`);
  }
  private expectKeyword(word: string): void {
    this.skipNewlines();
    if (!this.isKeyword(word)) this.unexpected();
    this.i++;
  }

  /** A list of and-or lists, up to the end or one of the stop keywords. */
  script(stopWords: string[]): Script {
    const out: Script = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) {
        if (stopWords.length) throw new IncompleteInput(stopWords.join('/'));
        return out;
      }
      if (stopWords.some((w) => this.isKeyword(w)) || (stopWords.includes(')') && this.isOp(')'))) return out;
      if (t.type === 'op' && (t.op === ';' || t.op === '&')) this.unexpected();
      const andOr = this.andOr();
      out.push(andOr);
      if (this.isOp(';') || this.isOp('&')) {
        andOr.background = this.isOp('&');
        this.i++;
      } else if (this.peek() && this.peek()!.type !== 'newline' && !stopWords.some((w) => this.isKeyword(w)) && !this.isOp(')')) {
        this.unexpected();
      }
    }
  }

  private andOr(): AndOr {
    const node: AndOr = { first: this.pipeline(), rest: [], background: false };
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.i++;
      this.skipNewlines();
      node.rest.push({ op, pipeline: this.pipeline() });
    }
    return node;
  }

  private pipeline(): Pipeline {
    let negated = false;
    if (this.isKeyword('!')) {
      negated = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  private command(): Command {
    const word = plainText(this.peek());
    if (word === 'if') return this.ifCommand();
    if (word === 'while' || word === 'until') return this.loop(word);
    if (word === 'for') return this.forCommand();
    if (word === '{') return this.group();
    if (word === 'function') return this.functionDef(true);
    if (this.isOp('(')) return this.subshell();
    if (word && /^[A-Za-z_][\w-]*$/.test(word) && this.tokens[this.i + 1]?.type === 'op' && (this.tokens[this.i + 1] as { op: string }).op === '(') {
      return this.functionDef(false);
    }
    if (word && RESERVED_END.includes(word)) this.unexpected();
    return this.simple();
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.type === 'io') cmd.redirects.push(this.redirect());
      else if (t.type === 'word') {
        const assign = !cmd.words.length && this.assignment(t);
        if (assign) cmd.assigns.push(assign);
        else cmd.words.push(t.word);
        this.i++;
      } else break;
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) this.unexpected();
    return cmd;
  }

  private assignment(t: Token & { type: 'word' }): { name: string; value: Word } | undefined {
    const first = t.word.parts[0];
    if (!first || first.kind !== 'lit' || first.quoted) return undefined;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
    if (!m) return undefined;
    const rest = first.text.slice(m[0].length);
    const parts = rest ? [{ ...first, text: rest }, ...t.word.parts.slice(1)] : t.word.parts.slice(1);
    return { name: m[1], value: { parts } };
  }

  private redirect(): Redirect {
    const io = this.peek() as { type: 'io'; fd: number; op: string };
    this.i++;
    if (io.op === '<<') {
      const body = this.peek() as { type: 'heredoc'; body: string; expand: boolean };
      this.i++;
      return { fd: io.fd, op: '<<', heredoc: { body: body.body, expand: body.expand } };
    }
    const target = this.peek();
    if (!target || target.type !== 'word') this.unexpected();
    this.i++;
    return { fd: io.fd, op: io.op as Redirect['op'], target: target.word };
  }

  private trailingRedirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.peek()?.type === 'io') out.push(this.redirect());
    return out;
  }

  private ifCommand(): Command {
    this.i++;
    const branches = [];
    let elseBody: Script | undefined;
    for (;;) {
      const cond = this.script(['then']);
      this.expectKeyword('then');
      const body = this.script(['elif', 'else', 'fi']);
      branches.push({ cond, body });
      if (this.isKeyword('elif')) {
        this.i++;
        continue;
      }
      if (this.isKeyword('else')) {
        this.i++;
        elseBody = this.script(['fi']);
      }
      this.expectKeyword('fi');
      return { type: 'if', branches, elseBody, redirects: this.trailingRedirects() };
    }
  }

  private loop(kind: 'while' | 'until'): Command {
    this.i++;
    const cond = this.script(['do']);
    this.expectKeyword('do');
    const body = this.script(['done']);
    this.expectKeyword('done');
    return { type: kind, cond, body, redirects: this.trailingRedirects() };
  }

  private forCommand(): Command {
    this.i++;
    const variable = plainText(this.peek());
    if (!variable) this.unexpected();
    this.i++;
    let items: Word[] | undefined;
    if (this.isOp(';')) this.i++;
    this.skipNewlines();
    if (this.isKeyword('in')) {
      this.i++;
      items = [];
      while (this.peek()?.type === 'word' && !this.isKeyword('do')) items.push((this.tokens[this.i++] as { word: Word }).word);
      if (this.isOp(';')) this.i++;
    }
    this.expectKeyword('do');
    const body = this.script(['done']);
    this.expectKeyword('done');
    return { type: 'for', variable, items, body, redirects: this.trailingRedirects() };
  }

  private group(): Command {
    this.i++;
    const body = this.script(['}']);
    this.expectKeyword('}');
    return { type: 'group', body, redirects: this.trailingRedirects() };
  }

  private subshell(): Command {
    this.i++;
    const body = this.script([')']);
    if (!this.isOp(')')) this.unexpected();
    this.i++;
    return { type: 'subshell', body, redirects: this.trailingRedirects() };
  }

  private functionDef(keyword: boolean): Command {
    if (keyword) this.i++;
    const name = plainText(this.peek());
    if (!name) this.unexpected();
    this.i++;
    if (this.isOp('(')) {
      this.i++;
      if (!this.isOp(')')) this.unexpected();
      this.i++;
    }
    this.skipNewlines();
    return { type: 'function', name, body: this.command() };
  }
}
