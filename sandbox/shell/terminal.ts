// One learner terminal: raw xterm input in, terminal output out. Idle, keys go to the line
// editor; Enter runs the line in the shell (asking for more lines while a quote, here-document
// or `if` is open); while a command runs, Ctrl-C interrupts it and other keys wait as typeahead.
import type { Clock } from '../engine/clock.js';
import type { ApiClient } from '../engine/api/types.js';
import { IncompleteInput, ShellSyntaxError } from './ast.js';
import { createCommands } from './commands/index.js';
import { complete } from './complete.js';
import { Interrupt, TerminalInput, type CommandIO } from './io.js';
import { LineEditor } from './line-editor.js';
import { Shell, type ShellState } from './interpreter.js';
import { HOME, type Vfs } from './vfs.js';

export interface TerminalOptions {
  api: ApiClient;
  fs: Vfs;
  clock: Clock;
  onOutput(data: string): void;
  /** Waits for `ms`; defaults to a wall-clock timer. Tests pass one that steps a simulated clock. */
  sleep?(ms: number, interrupt: Interrupt): Promise<void>;
  hostname?: string;
  /** The engine that installCluster set up: serves `kubectl logs` and `exec` from its kubelets. */
  cluster?: object;
}

export interface TerminalSnapshot {
  shell: ShellState;
  screen: string;
}

const SCREEN_LIMIT = 256 * 1024;

const wallSleep = (ms: number, interrupt: Interrupt) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    const off = interrupt.onRaise(done);
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });

export class TerminalSession {
  readonly shell: Shell;
  private readonly editor: LineEditor;
  private screenBuffer = '';
  private pendingSource = '';
  private running: Promise<void> | undefined;
  private typeahead = '';
  private commandInput: TerminalInput | undefined;
  private readonly hostname: string;

  constructor(private readonly opts: TerminalOptions) {
    this.hostname = opts.hostname ?? 'controlplane';
    this.shell = new Shell({
      fs: opts.fs,
      commands: createCommands({ api: opts.api, clock: opts.clock, cluster: opts.cluster }),
      sleep: opts.sleep ?? wallSleep,
      now: () => opts.clock.now(),
    });
    this.shell.errSink = (s) => this.emit(s);
    this.editor = new LineEditor(() => this.shell.history, (s) => this.emit(s, false));
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Shows the first prompt. */
  start(): void {
    this.editor.start(this.prompt());
  }

  input(data: string): void {
    if (this.running) {
      if (this.commandInput?.feed(data)) return;
      if (data.includes('\x03')) this.shell.currentInterrupt.raise();
      else this.typeahead += data;
      return;
    }
    for (const ev of this.editor.feed(data)) {
      if (ev.type === 'submit') this.submit(ev.line);
      else if (ev.type === 'interrupt') {
        this.pendingSource = '';
        this.shell.lastStatus = 130;
        this.editor.start(this.prompt());
      } else if (ev.type === 'clear') {
        this.emit('\x1b[H\x1b[2J', false);
        this.editor.start(this.prompt());
        this.editor.insert('');
      } else if (ev.type === 'complete') void this.completeLine(ev.line, ev.cursor);
      else if (ev.type === 'eof') this.emit('logout\r\nThis terminal stays open: the sandbox keeps running.\r\n', false), this.editor.start(this.prompt());
    }
  }

  resize(cols: number, rows: number): void {
    this.editor.cols = Math.max(10, Math.min(1000, Math.floor(cols)));
    void rows;
  }

  /** Recent output, to repaint a re-attached terminal. */
  screen(): string {
    return this.screenBuffer;
  }

  /** Runs a command line as if typed (lab "run this" buttons, tests). Resolves when it ends. */
  async runLine(line: string): Promise<number> {
    await this.running;
    this.emit(line + '\r\n', false);
    this.submit(line);
    await this.running;
    return this.shell.lastStatus;
  }

  /** Resolves when no command is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  snapshot(): TerminalSnapshot {
    return { shell: this.shell.snapshot(), screen: this.screenBuffer };
  }
  /** Restores shell state and screen; the prompt is already on the restored screen, so the
   * line editor starts on it without printing it again. */
  restore(s: TerminalSnapshot): void {
    this.shell.restore(s.shell);
    this.screenBuffer = s.screen;
    this.editor.start(this.prompt(), { silent: true });
  }

  private prompt(): string {
    const cwd = this.shell.fs.cwd;
    const shown = cwd === HOME ? '~' : cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd;
    return `${this.hostname}:${shown}$ `;
  }

  private submit(line: string): void {
    const source = this.pendingSource + line + '\n';
    try {
      this.shell.checkSyntax(source);
    } catch (e) {
      // An open quote, here-document or compound command asks for another line.
      if (e instanceof IncompleteInput) {
        this.pendingSource = source;
        this.editor.start('> ');
        return;
      }
      // A syntax error is reported by running the line.
      if (!(e instanceof ShellSyntaxError)) throw e;
    }
    this.pendingSource = '';
    this.shell.recordHistory(source);
    this.running = this.execute(source);
  }

  private async execute(source: string): Promise<void> {
    const interrupt = new Interrupt();
    this.shell.currentInterrupt = interrupt;
    this.commandInput = new TerminalInput();
    const io: CommandIO = { stdin: '', stdinIsTerminal: true, stdoutIsTerminal: true, out: (s) => this.emit(s), err: (s) => this.emit(s), interrupt, input: this.commandInput };
    try {
      await this.shell.runSource(source, io);
    } catch (e) {
      this.emit(`bash: internal error: ${(e as Error).message}\n`);
      this.shell.lastStatus = 1;
    } finally {
      this.running = undefined;
      this.commandInput = undefined;
      this.editor.start(this.prompt());
      const rest = this.typeahead + this.editor.takePending();
      this.typeahead = '';
      if (rest) this.input(rest);
    }
  }

  private async completeLine(line: string, cursor: number): Promise<void> {
    const result = await complete(line.slice(0, cursor), { shell: this.shell, api: this.opts.api });
    if (result.insert) this.editor.insert(result.insert);
    else if (result.candidates.length > 1) {
      this.emit('\r\n' + result.candidates.join('  ') + '\r\n', false);
      this.editor.start(this.prompt());
      this.editor.insert(line);
    }
  }

  private emit(text: string, convertNewlines = true): void {
    const data = convertNewlines ? text.replace(/\r?\n/g, '\r\n') : text;
    this.screenBuffer += data;
    if (this.screenBuffer.length > SCREEN_LIMIT) this.screenBuffer = this.screenBuffer.slice(-SCREEN_LIMIT);
    this.opts.onOutput(data);
  }
}
