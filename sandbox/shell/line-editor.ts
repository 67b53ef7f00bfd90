// Readline-style line editing over raw xterm input: cursor keys, history, Ctrl-A/E/U/K/W,
// Alt-B/F, Ctrl-R reverse search, and redrawing that stays right when a line wraps.

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'clear' };

export class LineEditor {
  private buf: string[] = [];
  private cursor = 0;
  private prompt = '';
  private historyIndex = -1;
  private stash = '';
  private search: { query: string; match: number } | undefined;
  /** How many rows below the prompt's first row the terminal cursor is now. */
  private cursorRow = 0;
  cols = 80;

  constructor(
    private readonly history: () => string[],
    private readonly write: (s: string) => void,
  ) {}

  get line(): string {
    return this.buf.join('');
  }

  /** Starts a new line with this prompt (silent: the prompt is already on screen). */
  start(prompt: string, opts: { silent?: boolean } = {}): void {
    this.prompt = prompt;
    this.buf = [];
    this.cursor = 0;
    this.historyIndex = -1;
    this.cursorRow = 0;
    this.search = undefined;
    if (!opts.silent) this.write(prompt);
  }

  /** Inserts text at the cursor (a completion, a paste). */
  insert(text: string): void {
    this.buf.splice(this.cursor, 0, ...text);
    this.cursor += [...text].length;
    this.redraw();
  }

  /** Feeds raw terminal input; returns what the caller must act on. */
  feed(data: string): EditorEvent[] {
    const events: EditorEvent[] = [];
    let i = 0;
    while (i < data.length) {
      const seq = matchSequence(data, i);
      i += seq.length;
      const ev = this.search ? this.handleSearch(seq) : this.handle(seq);
      if (ev) {
        events.push(ev);
        // A submitted line ends editing; the rest of a paste is the next line's typeahead.
        if (ev.type === 'submit') {
          const rest = data.slice(i);
          if (rest) events.push(...this.queueRest(rest));
          return events;
        }
      }
    }
    return events;
  }

  private pending = '';
  private queueRest(rest: string): EditorEvent[] {
    this.pending = rest;
    return [];
  }
  /** Input that arrived after a submitted line (a multi-line paste). */
  takePending(): string {
    const p = this.pending;
    this.pending = '';
    return p;
  }

  private handle(seq: string): EditorEvent | undefined | void {
    switch (seq) {
      case '\r':
      case '\n':
        this.moveToEnd();
        this.write('\r\n');
        return { type: 'submit', line: this.line };
      case '\x03':
        this.moveToEnd();
        this.write('^C\r\n');
        return { type: 'interrupt' };
      case '\x04':
        if (this.buf.length === 0) return { type: 'eof' };
        this.deleteAt(this.cursor);
        return;
      case '\t':
        return { type: 'complete', line: this.line, cursor: this.cursor };
      case '\x0c':
        return { type: 'clear' };
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          this.cursor--;
          this.deleteAt(this.cursor);
        }
        return;
      case '\x1b[3~':
        this.deleteAt(this.cursor);
        return;
      case '\x01':
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
        return this.moveTo(0);
      case '\x05':
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
        return this.moveTo(this.buf.length);
      case '\x1b[D':
      case '\x02':
        return this.moveTo(Math.max(0, this.cursor - 1));
      case '\x1b[C':
      case '\x06':
        return this.moveTo(Math.min(this.buf.length, this.cursor + 1));
      case '\x1bb':
      case '\x1b[1;3D':
      case '\x1b[1;5D':
        return this.moveTo(this.wordStart(this.cursor));
      case '\x1bf':
      case '\x1b[1;3C':
      case '\x1b[1;5C':
        return this.moveTo(this.wordEnd(this.cursor));
      case '\x15':
        this.buf.splice(0, this.cursor);
        this.cursor = 0;
        return this.redraw();
      case '\x0b':
        this.buf.splice(this.cursor);
        return this.redraw();
      case '\x17': {
        let start = this.cursor;
        while (start > 0 && this.buf[start - 1] === ' ') start--;
        while (start > 0 && this.buf[start - 1] !== ' ') start--;
        this.buf.splice(start, this.cursor - start);
        this.cursor = start;
        return this.redraw();
      }
      case '\x1b[A':
      case '\x10':
        return this.historyStep(1);
      case '\x1b[B':
      case '\x0e':
        return this.historyStep(-1);
      case '\x12':
        this.search = { query: '', match: -1 };
        return this.redraw();
      default:
        if (seq.length >= 1 && !seq.startsWith('\x1b') && seq >= ' ') this.insert(seq);
    }
  }

  private handleSearch(seq: string): EditorEvent | undefined | void {
    const s = this.search!;
    if (seq === '\x12') {
      s.match = this.findHistory(s.query, s.match + 1);
      return this.redraw();
    }
    if (seq === '\x7f' || seq === '\b') {
      s.query = s.query.slice(0, -1);
      s.match = this.findHistory(s.query, 0);
      return this.redraw();
    }
    if (seq === '\x03' || seq === '\x07') {
      this.search = undefined;
      if (seq === '\x03') return this.handle(seq);
      return this.redraw();
    }
    if (seq.length === 1 && seq >= ' ') {
      s.query += seq;
      s.match = this.findHistory(s.query, 0);
      return this.redraw();
    }
    // Any other key accepts the match and is then handled normally.
    const found = s.match >= 0 ? this.history()[this.history().length - 1 - s.match] : this.line;
    this.search = undefined;
    this.buf = [...found];
    this.cursor = this.buf.length;
    this.redraw();
    return this.handle(seq);
  }

  /** Index (0 = newest) of the first history entry from `from` containing query, or -1. */
  private findHistory(query: string, from: number): number {
    const h = this.history();
    for (let i = from; i < h.length; i++) if (h[h.length - 1 - i].includes(query)) return i;
    return -1;
  }

  private historyStep(delta: number): void {
    const h = this.history();
    const next = this.historyIndex + delta;
    if (next < -1 || next >= h.length) return;
    if (this.historyIndex === -1) this.stash = this.line;
    this.historyIndex = next;
    this.buf = [...(next === -1 ? this.stash : h[h.length - 1 - next])];
    this.cursor = this.buf.length;
    this.redraw();
  }

  private wordStart(pos: number): number {
    while (pos > 0 && !/\w/.test(this.buf[pos - 1])) pos--;
    while (pos > 0 && /\w/.test(this.buf[pos - 1])) pos--;
    return pos;
  }
  private wordEnd(pos: number): number {
    while (pos < this.buf.length && !/\w/.test(this.buf[pos])) pos++;
    while (pos < this.buf.length && /\w/.test(this.buf[pos])) pos++;
    return pos;
  }

  private deleteAt(pos: number): void {
    if (pos >= this.buf.length) return;
    this.buf.splice(pos, 1);
    this.redraw();
  }

  private moveTo(pos: number): void {
    this.cursor = pos;
    this.redraw();
  }

  private moveToEnd(): void {
    this.cursor = this.buf.length;
    if (!this.search) this.redraw();
  }

  /** Rewrites prompt and line from the prompt's first row, then places the cursor. */
  private redraw(): void {
    const shown = this.search
      ? `(reverse-i-search)\`${this.search.query}': ${this.search.match >= 0 ? this.history()[this.history().length - 1 - this.search.match] : ''}`
      : this.prompt + this.line;
    const cursorOffset = this.search ? [...shown].length : [...this.prompt].length + this.cursor;
    let out = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    out += '\r' + shown + '\x1b[J';
    const total = [...shown].length;
    // After writing `total` characters the terminal cursor sits at row floor(total/cols)
    // (xterm wraps lazily: exactly at the edge it stays on the last column).
    const endRow = total > 0 && total % this.cols === 0 ? total / this.cols - 1 : Math.floor(total / this.cols);
    const endCol = total > 0 && total % this.cols === 0 ? this.cols : total % this.cols;
    const targetRow = Math.floor(cursorOffset / this.cols);
    const targetCol = cursorOffset % this.cols;
    if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
    else if (targetRow > endRow) out += '\r\n'.repeat(targetRow - endRow);
    out += '\r' + (targetCol > 0 ? `\x1b[${targetCol}C` : '');
    void endCol;
    this.cursorRow = targetRow;
    this.write(out);
  }
}

/** One key: an escape sequence, or one character. */
function matchSequence(data: string, i: number): string {
  if (data[i] !== '\x1b') return String.fromCodePoint(data.codePointAt(i)!);
  const csi = /^\x1b\[[0-9;]*[A-Za-z~]/.exec(data.slice(i, i + 16));
  if (csi) return csi[0];
  const ss3 = /^\x1bO[A-Za-z]/.exec(data.slice(i, i + 3));
  if (ss3) return ss3[0];
  return data.slice(i, i + 2);
}
