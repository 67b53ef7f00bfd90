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
import { Shell, type CommandFn, type ShellState } from './interpreter.js';
import { sessionCommands } from './commands/session.js';
import { NodeFs } from './node-fs.js';
import { pageEditor, type EditorHost } from './page-editor.js';
import { HOME, type Vfs } from './vfs.js';
import type { ClusterContexts } from './contexts.js';

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
  /** Several clusters (an exam): kubectl follows the kubeconfig's context, ssh the current one's nodes. */
  contexts?: ClusterContexts;
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

/** A shell the learner is logged in to: the first one, or one on a node after `ssh`. */
interface Login {
  shell: Shell;
  hostname: string;
}

export class TerminalSession {
  readonly shell: Shell;
  private readonly commands: Map<string, CommandFn>;
  /** The learner's shell, then each nested `ssh` session on top. */
  private readonly logins: Login[] = [];
  private readonly nodeShells = new Map<string, Login & { nodeFs: NodeFs }>();
  private pendingLogin: string | undefined;
  private editorHost: EditorHost | undefined;
  private readonly editor: LineEditor;
  private screenBuffer = '';
  private pendingSource = '';
  private running: Promise<void> | undefined;
  private typeahead = '';
  private commandInput: TerminalInput | undefined;
  private readonly hostname: string;

  constructor(private readonly opts: TerminalOptions) {
    this.hostname = opts.hostname ?? 'controlplane';
    this.commands = this.commandsFor(opts.api, opts.cluster, opts.contexts?.connect);
    this.shell = this.newShell(opts.fs);
    this.logins.push({ shell: this.shell, hostname: this.hostname });
    this.editor = new LineEditor(() => this.current.history, (s) => this.emit(s, false));
  }

  /** The page's editor (sandbox/session/socket-editor.ts); `vi` says it needs one when absent. */
  setEditorHost(host: EditorHost | undefined): void {
    this.editorHost = host;
  }

  /** The shell that reads the next line: the learner's, or the node's after `ssh`. */
  get current(): Shell {
    return this.logins[this.logins.length - 1].shell;
  }

  /** The shell's commands for one cluster (the learner's, or a node's of another context). */
  private commandsFor(api: ApiClient, cluster: object | undefined, connect?: ClusterContexts['connect']): Map<string, CommandFn> {
    const commands = createCommands({ api, clock: this.opts.clock, cluster, connect });
    for (const [name, fn] of Object.entries(sessionCommands(this.sessionHost()))) commands.set(name, fn);
    return commands;
  }

  private newShell(fs: Vfs, hostname = this.hostname, commands = this.commands): Shell {
    const shell = new Shell({ fs, commands, sleep: this.opts.sleep ?? wallSleep, now: () => this.opts.clock.now() });
    shell.errSink = (s) => this.emit(s);
    shell.setVar('HOSTNAME', hostname);
    return shell;
  }

  private sessionHost() {
    const { contexts, cluster } = this.opts;
    return {
      // With several clusters, ssh resolves node names in the current context's cluster.
      get cluster() {
        return contexts ? contexts.current().cluster : cluster;
      },
      nodeShell: (node: string) => this.nodeShell(node),
      login: (node: string) => void (this.pendingLogin = node),
      editorFor: (fs: Vfs, interrupt: Interrupt, hostname?: string) => (this.editorHost ? pageEditor(this.editorHost, fs, interrupt, hostname) : undefined),
    };
  }

  /** The node's shell, made on first use and kept (its /root, history and variables stay). */
  private nodeShell(node: string): Shell {
    const target = this.opts.contexts?.current();
    const key = target ? `${target.name}/${node}` : node;
    let login = this.nodeShells.get(key);
    if (!login) {
      const cluster = target ? target.cluster : this.opts.cluster;
      const nodeFs = NodeFs.of(cluster, node, () => this.opts.clock.now());
      // A node's kubectl uses the node's own kubeconfig, never the learner's contexts.
      const commands = target ? this.commandsFor(target.api, target.cluster) : this.commands;
      login = { shell: this.newShell(nodeFs.fs, node, commands), hostname: node, nodeFs };
      this.nodeShells.set(key, login);
    }
    login.nodeFs.pull();
    // The session's CPU budget (set on the learner's shell) covers loops typed on nodes too.
    login.shell.budget = this.shell.budget;
    return login.shell;
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
      if (data.includes('\x03')) this.current.currentInterrupt.raise();
      else this.typeahead += data;
      return;
    }
    for (const ev of this.editor.feed(data)) {
      if (ev.type === 'submit') this.submit(ev.line);
      else if (ev.type === 'interrupt') {
        this.pendingSource = '';
        this.current.lastStatus = 130;
        this.editor.start(this.prompt());
      } else if (ev.type === 'clear') {
        this.emit('\x1b[H\x1b[2J', false);
        this.editor.start(this.prompt());
        this.editor.insert('');
      } else if (ev.type === 'complete') void this.completeLine(ev.line, ev.cursor);
      else if (ev.type === 'eof') this.endOfInput();
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
    return this.current.lastStatus;
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

  /** Ctrl-D on an empty line: leaves an ssh session; the learner's own terminal stays open. */
  private endOfInput(): void {
    if (this.logins.length > 1) {
      this.emit('logout\r\n', false);
      this.logout();
    } else this.emit('logout\r\nThis terminal stays open: the sandbox keeps running.\r\n', false);
    this.editor.start(this.prompt());
  }

  private logout(): void {
    const left = this.logins.pop()!;
    left.shell.exitRequested = false;
    this.emit(`Connection to ${left.hostname} closed.\r\n`, false);
  }

  /** After a command line: `exit` in an ssh session leaves it, `ssh node` enters one. */
  private afterCommand(): void {
    const shell = this.current;
    if (shell.exitRequested) {
      shell.exitRequested = false;
      if (this.logins.length > 1) {
        this.emit('logout\r\n', false);
        this.logout();
      }
    }
    if (this.pendingLogin) {
      const node = this.pendingLogin;
      this.pendingLogin = undefined;
      this.logins.push({ shell: this.nodeShell(node), hostname: node });
    }
  }

  private prompt(): string {
    const notices = this.current.jobs.notices();
    if (notices) this.emit(notices);
    const cwd = this.current.fs.cwd;
    const shown = cwd === HOME ? '~' : cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd;
    return `${this.logins[this.logins.length - 1].hostname}:${shown}$ `;
  }

  private submit(line: string): void {
    const source = this.pendingSource + line + '\n';
    try {
      this.current.checkSyntax(source);
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
    this.current.recordHistory(source);
    this.running = this.execute(source);
  }

  private async execute(source: string): Promise<void> {
    const shell = this.current;
    const interrupt = new Interrupt();
    shell.currentInterrupt = interrupt;
    this.commandInput = new TerminalInput();
    const editor = this.editorHost ? pageEditor(this.editorHost, shell.fs, interrupt, shell.getVar('HOSTNAME')) : undefined;
    const io: CommandIO = { stdin: '', stdinIsTerminal: true, stdoutIsTerminal: true, out: (s) => this.emit(s), err: (s) => this.emit(s), interrupt, input: this.commandInput, editor };
    try {
      await shell.runSource(source, io);
    } catch (e) {
      this.emit(`bash: internal error: ${(e as Error).message}\n`);
      shell.lastStatus = 1;
    } finally {
      this.running = undefined;
      this.commandInput = undefined;
      this.afterCommand();
      this.editor.start(this.prompt());
      const rest = this.typeahead + this.editor.takePending();
      this.typeahead = '';
      if (rest) this.input(rest);
    }
  }

  private async completeLine(line: string, cursor: number): Promise<void> {
    const result = await complete(line.slice(0, cursor), { shell: this.current, api: this.opts.contexts?.current().api ?? this.opts.api });
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
