// The syntax error Go's encoding/json reports for invalid JSON, so that a malformed body gets
// the real server's message (`invalid character 'x' looking for beginning of value`, …).
// A small recursive scanner that stops at the first error with Go's wording.

class SyntaxErr extends Error {}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

const invalid = (c: string, context: string) => new SyntaxErr(`invalid character ${quoteChar(c)} ${context}`);
const END = 'unexpected end of JSON input';

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  peek(): string | undefined {
    return this.s[this.i];
  }
  next(): string {
    const c = this.s[this.i++];
    if (c === undefined) throw new SyntaxErr(END);
    return c;
  }
  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++;
  }

  value(): void {
    this.ws();
    const c = this.next();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number(c);
    for (const lit of ['true', 'false', 'null']) if (c === lit[0]) return this.literal(lit);
    throw invalid(c, 'looking for beginning of value');
  }

  object(): void {
    this.ws();
    if (this.peek() === '}') return void this.i++;
    for (;;) {
      this.ws();
      const c = this.next();
      if (c !== '"') throw invalid(c, 'looking for beginning of object key string');
      this.string();
      this.ws();
      const colon = this.next();
      if (colon !== ':') throw invalid(colon, 'after object key');
      this.value();
      this.ws();
      const sep = this.next();
      if (sep === '}') return;
      if (sep !== ',') throw invalid(sep, 'after object key:value pair');
    }
  }

  array(): void {
    this.ws();
    if (this.peek() === ']') return void this.i++;
    for (;;) {
      this.value();
      this.ws();
      const sep = this.next();
      if (sep === ']') return;
      if (sep !== ',') throw invalid(sep, 'after array element');
    }
  }

  string(): void {
    for (;;) {
      const c = this.next();
      if (c === '"') return;
      if (c < ' ') throw invalid(c, 'in string literal');
      if (c === '\\') {
        const e = this.next();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            const h = this.next();
            if (!/[0-9a-fA-F]/.test(h)) throw invalid(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) throw invalid(e, 'in string escape code');
      }
    }
  }

  number(first: string): void {
    let c: string | undefined = first;
    if (c === '-') {
      c = this.next();
      if (!(c >= '0' && c <= '9')) throw invalid(c, 'in numeric literal');
    }
    if (c !== '0') while (this.isDigit(this.peek())) this.i++;
    if (this.peek() === '.') {
      this.i++;
      const d = this.next();
      if (!this.isDigit(d)) throw invalid(d, 'after decimal point in numeric literal');
      while (this.isDigit(this.peek())) this.i++;
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      let d = this.next();
      if (d === '+' || d === '-') d = this.next();
      if (!this.isDigit(d)) throw invalid(d, 'in exponent of numeric literal');
      while (this.isDigit(this.peek())) this.i++;
    }
  }

  literal(word: string): void {
    for (let k = 1; k < word.length; k++) {
      const c = this.next();
      if (c !== word[k]) throw invalid(c, `in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  }

  private isDigit(c: string | undefined): boolean {
    return c !== undefined && c >= '0' && c <= '9';
  }
}

/** Go's error text for `text`, or '' when it is valid JSON. */
export function goJsonSyntaxError(text: string): string {
  const s = new Scanner(text);
  try {
    s.value();
    s.ws();
    if (s.i < text.length) throw invalid(text[s.i], 'after top-level value');
    return '';
  } catch (err) {
    if (err instanceof SyntaxErr) return err.message;
    throw err;
  }
}
