// Runs parsed scripts: variables, aliases, functions, pipelines, redirections, control flow.
// Commands are looked up in a registry (commands/); none of them evaluates learner input as
// JavaScript — the shell only interprets its own syntax tree.
import { IncompleteInput, ShellSyntaxError, type AndOr, type Command, type Pipeline, type Redirect, type Script, type SimpleCommand } from './ast.js';
import { expandHeredoc, expandToString, expandWords, globToRegExp, type ExpansionHost } from './expand.js';
import { INTERRUPTED_STATUS, Interrupt, type CommandIO } from './io.js';
import { describeAndOr, JobTable } from './jobs.js';
import { parse } from './parser.js';
import { HOME, Vfs, VfsError } from './vfs.js';

export interface CommandContext {
  name: string;
  args: string[];
  io: CommandIO;
  shell: Shell;
}
export type CommandFn = (ctx: CommandContext) => Promise<number> | number;

export interface ShellHost {
  fs: Vfs;
  commands: Map<string, CommandFn>;
  /** Waits `ms` (wall time in a live sandbox, simulated in tests), or until interrupted. */
  sleep(ms: number, interrupt: Interrupt): Promise<void>;
  /** Milliseconds since the epoch, for `date` and history. */
  now(): number;
}

export interface ShellState {
  vars: Record<string, string>;
  exported: string[];
  aliases: Record<string, string>;
  history: string[];
  cwd: string;
  lastStatus: number;
}

const MAX_CALL_DEPTH = 100;
const MAX_HISTORY = 1000;

// Session hook (sandbox/session/budget.ts): a CPU-time budget per command line, so a runaway
// loop is cut off (status 152, as bash reports a process killed by SIGXCPU) and yields to others.
export interface CommandBudget {
  begin(): void;
  step(): void | Promise<void>;
}
export class CpuLimitExceeded extends Error {}

class ExitSignal {
  constructor(readonly status: number) {}
}
class LoopControl {
  constructor(readonly kind: 'break' | 'continue') {}
}

export class Shell implements ExpansionHost {
  vars = new Map<string, string>();
  exported = new Set<string>();
  aliases = new Map<string, string>();
  functions = new Map<string, Command>();
  history: string[] = [];
  positional: string[] = [];
  lastStatus = 0;
  private depth = 0;
  /** The interrupt of the command line now running (Ctrl-C raises it). */
  currentInterrupt = new Interrupt();
  /** Set by the session (sandbox/session/budget.ts); none outside a sandbox. */
  budget?: CommandBudget;
  /** Background jobs started with `&`. */
  readonly jobs = new JobTable();
  /** Set when `exit`/`logout` ended the shell's command line: an ssh session then closes. */
  exitRequested = false;
  private lastJobPid: number | undefined;

  constructor(readonly host: ShellHost) {
    for (const [k, v] of Object.entries({ HOME, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', USER: 'root', SHELL: '/bin/bash', TERM: 'xterm-256color', HOSTNAME: 'controlplane', PWD: host.fs.cwd })) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  get fs(): Vfs {
    return this.host.fs;
  }

  getVar(name: string): string | undefined {
    if (name === '?') return String(this.lastStatus);
    if (name === '#') return String(this.positional.length);
    if (name === '@' || name === '*') return this.positional.join(' ');
    if (name === '$') return '1';
    if (name === '!') return this.lastJobPid === undefined ? '' : String(this.lastJobPid);
    if (/^[0-9]$/.test(name)) return name === '0' ? 'bash' : this.positional[Number(name) - 1];
    if (name === 'PWD') return this.fs.cwd;
    if (name === 'RANDOM') return String(this.host.now() % 32768);
    return this.vars.get(name);
  }
  setVar(name: string, value: string): void {
    this.vars.set(name, value);
  }
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of [...this.exported].sort()) {
      const v = this.getVar(name);
      if (v !== undefined) env[name] = v;
    }
    return env;
  }

  glob(pattern: string): string[] {
    const slash = pattern.lastIndexOf('/');
    const dir = slash < 0 ? '.' : pattern.slice(0, slash) || '/';
    const base = slash < 0 ? pattern : pattern.slice(slash + 1);
    const re = globToRegExp(base);
    try {
      return this.fs
        .readdir(dir)
        .filter((n) => re.test(n) && (base.startsWith('.') || !n.startsWith('.')))
        .sort()
        .map((n) => (slash < 0 ? n : `${pattern.slice(0, slash + 1)}${n}`));
    } catch {
      return [];
    }
  }

  async substitute(script: string): Promise<string> {
    let captured = '';
    const io: CommandIO = { stdin: '', stdinIsTerminal: false, stdoutIsTerminal: false, out: (s) => (captured += s), err: (s) => this.errSink(s), interrupt: this.currentInterrupt };
    await this.runSource(script, io);
    return captured;
  }
  /** Where stderr of command substitutions goes (the terminal). */
  errSink: (s: string) => void = () => {};

  /** Runs a command line; throws IncompleteInput when it needs more lines. */
  async run(src: string, io: CommandIO): Promise<number> {
    const script = parse(src);
    return this.execScriptTop(script, io);
  }

  /** Runs source text (a script, an alias body, a substitution); syntax errors are reported. */
  async runSource(src: string, io: CommandIO): Promise<number> {
    let script: Script;
    try {
      script = parse(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError || e instanceof IncompleteInput) {
        io.err(`bash: ${e instanceof IncompleteInput ? 'syntax error: unexpected end of file' : e.message}\n`);
        return (this.lastStatus = 2);
      }
      throw e;
    }
    return this.execScriptTop(script, io);
  }

  /** Throws IncompleteInput or ShellSyntaxError without running anything. */
  checkSyntax(src: string): void {
    parse(src);
  }

  recordHistory(line: string): void {
    const trimmed = line.replace(/\n+$/, '');
    if (!trimmed.trim() || trimmed.startsWith(' ')) return;
    if (this.history[this.history.length - 1] === trimmed) return;
    this.history.push(trimmed);
    if (this.history.length > MAX_HISTORY) this.history.shift();
  }

  private budgetDepth = 0;

  private async execScriptTop(script: Script, io: CommandIO): Promise<number> {
    // The outermost script of a command line starts the budget and reports its end.
    if (this.budget && this.budgetDepth === 0) this.budget.begin();
    this.budgetDepth++;
    try {
      return await this.execScriptBody(script, io);
    } catch (e) {
      if (!(e instanceof CpuLimitExceeded) || this.budgetDepth > 1) throw e;
      io.err(e.message);
      return (this.lastStatus = 152);
    } finally {
      this.budgetDepth--;
    }
  }

  private async execScriptBody(script: Script, io: CommandIO): Promise<number> {
    try {
      return await this.execScript(script, io);
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.exitRequested = true;
        return (this.lastStatus = e.status);
      }
      if (e instanceof LoopControl) return this.lastStatus;
      throw e;
    }
  }

  async execScript(script: Script, io: CommandIO): Promise<number> {
    for (const andOr of script) {
      if (io.interrupt.interrupted) return (this.lastStatus = INTERRUPTED_STATUS);
      if (andOr.background) this.startJob(andOr, io);
      else await this.execAndOr(andOr, io);
    }
    return this.lastStatus;
  }

  /** `cmd &`: runs beside the prompt with its own interrupt (kill %1), without the terminal's keys. */
  private startJob(andOr: AndOr, io: CommandIO): void {
    const job = this.jobs.start(describeAndOr(andOr), (interrupt) =>
      this.execAndOr(andOr, { ...io, stdin: '', stdinIsTerminal: false, interrupt, input: undefined }).catch((e) => {
        if (e instanceof ExitSignal) return e.status;
        throw e;
      }),
    );
    io.err(`[${job.id}] ${job.pid}\n`);
    this.lastJobPid = job.pid;
    this.lastStatus = 0;
  }

  private async execAndOr(node: AndOr, io: CommandIO): Promise<number> {
    let status = await this.execPipeline(node.first, io);
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      status = await this.execPipeline(pipeline, io);
    }
    return status;
  }

  private async execPipeline(p: Pipeline, io: CommandIO): Promise<number> {
    let stdin = io.stdin;
    let stdinIsTerminal = io.stdinIsTerminal;
    let status = 0;
    for (const [i, cmd] of p.commands.entries()) {
      const last = i === p.commands.length - 1;
      let buffer = '';
      const stage: CommandIO = { ...io, stdin, stdinIsTerminal, stdoutIsTerminal: last && io.stdoutIsTerminal, out: last ? io.out : (s) => (buffer += s) };
      status = await this.execCommand(cmd, stage);
      stdin = buffer;
      stdinIsTerminal = false;
    }
    if (p.negated) status = status === 0 ? 1 : 0;
    return (this.lastStatus = status);
  }

  private async execCommand(cmd: Command, io: CommandIO): Promise<number> {
    switch (cmd.type) {
      case 'simple':
        return this.execSimple(cmd, io);
      case 'function':
        this.functions.set(cmd.name, cmd.body);
        return (this.lastStatus = 0);
      default:
        return this.withRedirects(cmd.redirects, io, (rio) => this.execCompound(cmd, rio));
    }
  }

  private async execCompound(cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, io: CommandIO): Promise<number> {
    switch (cmd.type) {
      case 'if':
        for (const b of cmd.branches) {
          if ((await this.execScript(b.cond, io)) === 0) return this.execScript(b.body, io);
        }
        return cmd.elseBody ? this.execScript(cmd.elseBody, io) : (this.lastStatus = 0);
      case 'while':
      case 'until':
        return this.loop(io, async () => ((await this.execScript(cmd.cond, io)) === 0) === (cmd.type === 'while'), cmd.body);
      case 'for': {
        const items = cmd.items ? await expandWords(cmd.items, this) : this.positional;
        let i = 0;
        return this.loop(io, async () => {
          if (i >= items.length) return false;
          this.setVar(cmd.variable, items[i++]);
          return true;
        }, cmd.body);
      }
      case 'group':
        return this.execScript(cmd.body, io);
      case 'subshell': {
        const saved = { vars: new Map(this.vars), cwd: this.fs.cwd };
        try {
          return await this.execScript(cmd.body, io);
        } finally {
          this.vars = saved.vars;
          this.fs.chdir(saved.cwd);
        }
      }
    }
  }

  private async loop(io: CommandIO, next: () => Promise<boolean>, body: Script): Promise<number> {
    let status = 0;
    while (await next()) {
      if (io.interrupt.interrupted) return (this.lastStatus = INTERRUPTED_STATUS);
      try {
        status = await this.execScript(body, io);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        if (e.kind === 'break') break;
      }
      // Let the event loop breathe so Ctrl-C and other learners get a turn.
      await new Promise<void>((r) => queueMicrotask(r));
      await this.budget?.step(); // may throw CpuLimitExceeded
    }
    return (this.lastStatus = status);
  }

  private async execSimple(cmd: SimpleCommand, io: CommandIO): Promise<number> {
    let words = await expandWords(cmd.words, this);
    const assigns: Array<[string, string]> = [];
    for (const a of cmd.assigns) assigns.push([a.name, await expandToString(a.value, this)]);
    if (!words.length) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return this.withRedirects(cmd.redirects, io, () => 0);
    }
    const alias = cmd.words[0] && this.aliases.get(words[0]);
    if (alias !== undefined && cmd.words[0].parts.every((p) => p.kind === 'lit' && !p.quoted)) {
      const expanded = await expandWords(parse(alias).flatMap((l) => (l.first.commands[0]?.type === 'simple' ? (l.first.commands[0] as SimpleCommand).words : [])), this);
      words = [...expanded, ...words.slice(1)];
    }
    const [name, ...args] = words;
    return this.withRedirects(cmd.redirects, io, async (rio) => {
      const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return await this.invoke(name, args, rio);
      } finally {
        for (const [k, v] of saved) (v === undefined ? this.vars.delete(k) : this.vars.set(k, v));
      }
    });
  }

  async invoke(name: string, args: string[], io: CommandIO): Promise<number> {
    const fn = this.functions.get(name);
    if (fn) return this.callFunction(fn, args, io);
    const command = this.host.commands.get(name) ?? (name.includes('/') ? this.host.commands.get(name.slice(name.lastIndexOf('/') + 1)) : undefined);
    if (!command) {
      io.err(`bash: ${name}: command not found\n`);
      return (this.lastStatus = 127);
    }
    try {
      return (this.lastStatus = await command({ name, args, io, shell: this }));
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof LoopControl) throw e;
      if (e instanceof VfsError) {
        io.err(`${name}: ${e.message}\n`);
        return (this.lastStatus = 1);
      }
      throw e;
    }
  }

  private async callFunction(body: Command, args: string[], io: CommandIO): Promise<number> {
    if (this.depth >= MAX_CALL_DEPTH) {
      io.err('bash: maximum function nesting level exceeded (100)\n');
      return (this.lastStatus = 1);
    }
    const savedArgs = this.positional;
    this.positional = args;
    this.depth++;
    try {
      return await this.execCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return (this.lastStatus = e.status);
      throw e;
    } finally {
      this.depth--;
      this.positional = savedArgs;
    }
  }

  exit(status: number): never {
    throw new ExitSignal(status);
  }
  loopControl(kind: 'break' | 'continue'): never {
    throw new LoopControl(kind);
  }
  returnFromFunction(status: number): never {
    throw new ReturnSignal(status);
  }

  private async withRedirects(redirects: Redirect[], io: CommandIO, run: (io: CommandIO) => Promise<number> | number): Promise<number> {
    if (!redirects.length) return run(io);
    const rio: CommandIO = { ...io };
    const files: Array<{ path: string; append: boolean; text: string }> = [];
    try {
      for (const r of redirects) await this.applyRedirect(r, rio, files);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      io.err(`bash: ${e.message}\n`);
      return (this.lastStatus = 1);
    }
    const status = await run(rio);
    for (const f of files) {
      try {
        if (f.append) this.fs.appendFile(f.path, f.text);
        else this.fs.writeFile(f.path, f.text);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        io.err(`bash: ${e.message}\n`);
        return (this.lastStatus = 1);
      }
    }
    return status;
  }

  private async applyRedirect(r: Redirect, rio: CommandIO, files: Array<{ path: string; append: boolean; text: string }>): Promise<void> {
    if (r.op === '<<') {
      rio.stdin = r.heredoc!.expand ? await expandHeredoc(r.heredoc!.body, this) : r.heredoc!.body;
      rio.stdinIsTerminal = false;
      return;
    }
    const target = await expandToString(r.target!, this);
    if (r.op === '<') {
      rio.stdin = this.fs.readFile(target);
      rio.stdinIsTerminal = false;
      return;
    }
    if (r.op === '>&') {
      if (target === '1' && r.fd === 2) rio.err = rio.out;
      else if (target === '2' && r.fd === 1) rio.out = rio.err;
      return;
    }
    if (target === '/dev/null') {
      const sink = () => {};
      if (r.op === '&>') rio.out = rio.err = sink;
      else if (r.fd === 2) rio.err = sink;
      else rio.out = sink;
      if (r.fd !== 2) rio.stdoutIsTerminal = false;
      return;
    }
    const file = { path: this.fs.resolve(target), append: r.op === '>>', text: '' };
    // Truncate (or create) now, as bash does before the command runs.
    if (!file.append) this.fs.writeFile(file.path, '');
    else if (!this.fs.exists(file.path)) this.fs.writeFile(file.path, '');
    file.append = true;
    files.push(file);
    const write = (s: string) => (file.text += s);
    if (r.op === '&>') rio.out = rio.err = write;
    else if (r.fd === 2) rio.err = write;
    else rio.out = write;
    if (r.fd !== 2) rio.stdoutIsTerminal = false;
  }

  snapshot(): ShellState {
    return {
      vars: Object.fromEntries(this.vars),
      exported: [...this.exported],
      aliases: Object.fromEntries(this.aliases),
      history: [...this.history],
      cwd: this.fs.cwd,
      lastStatus: this.lastStatus,
    };
  }
  restore(s: ShellState): void {
    this.vars = new Map(Object.entries(s.vars));
    this.exported = new Set(s.exported);
    this.aliases = new Map(Object.entries(s.aliases));
    this.history = [...s.history];
    this.lastStatus = s.lastStatus;
    try {
      this.fs.chdir(s.cwd);
    } catch {
      this.fs.chdir(HOME);
    }
  }
}

class ReturnSignal {
  constructor(readonly status: number) {}
}
