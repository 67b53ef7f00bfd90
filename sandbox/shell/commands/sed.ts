// sed: the part learners use — s/re/rep/flags (g, i, p, N), d, p, q, = with line, last-line ($)
// and /regex/ addresses and ranges, -n, -e (several), -E/-r, -i (in place). Basic regular
// expressions are translated to JavaScript ones (\( \) \{ \} \+ \? \| are the operators).
import type { CommandFn } from '../interpreter.js';
import { VfsError } from '../vfs.js';

type Address = { line: number } | { last: true } | { regex: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  op: 's' | 'd' | 'p' | 'q' | '=' | 'a' | 'i' | 'c';
  regex?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  occurrence?: number;
  text?: string;
}

class SedError extends Error {}

/** Translates a POSIX basic (or extended) regular expression to a JavaScript one. */
export function posixToJs(re: string, extended: boolean): string {
  if (extended) return re;
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const ch = re[i];
    if (ch === '\\' && i + 1 < re.length) {
      const next = re[++i];
      out += '(){}+?|'.includes(next) ? next : `\\${next}`;
    } else if ('(){}+?|'.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function parseScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
  };
  const readDelimited = (delim: string): string => {
    let out = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && script[i + 1] === delim) {
        out += delim;
        i += 2;
      } else if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i] + script[i + 1];
        i += 2;
      } else out += script[i++];
    }
    if (script[i] !== delim) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
    i++;
    return out;
  };
  const readAddress = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { last: true };
    }
    if (script[i] === '/') {
      i++;
      return { regex: new RegExp(posixToJs(readDelimited('/'), extended)) };
    }
    return undefined;
  };
  for (skipSpace(); i < script.length; skipSpace()) {
    const cmd: Partial<SedCommand> = { negate: false };
    cmd.from = readAddress();
    if (cmd.from && script[i] === ',') {
      i++;
      cmd.to = readAddress();
    }
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const op = script[i++];
    if (op === 's') {
      const delim = script[i++];
      const pattern = readDelimited(delim);
      const replacement = readDelimited(delim);
      const flags = /^[gipI0-9]*/.exec(script.slice(i))![0];
      i += flags.length;
      cmd.op = 's';
      cmd.regex = new RegExp(posixToJs(pattern, extended), /[iI]/.test(flags) ? 'gi' : 'g');
      cmd.replacement = replacement;
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      cmd.occurrence = Number(/\d+/.exec(flags)?.[0] ?? 0);
    } else if ('dpq='.includes(op)) cmd.op = op as SedCommand['op'];
    else if ('aic'.includes(op)) {
      cmd.op = op as SedCommand['op'];
      const rest = script.slice(i).replace(/^\\?\s?/, '');
      const end = rest.indexOf('\n');
      cmd.text = end < 0 ? rest : rest.slice(0, end);
      i = end < 0 ? script.length : script.length - rest.length + end;
    } else throw new SedError(`-e expression #1, char ${i}: unknown command: \`${op ?? ''}'`);
    cmds.push(cmd as SedCommand);
  }
  return cmds;
}

/** `&` is the match, `\1`… groups, `\n` a newline. */
function expandReplacement(rep: string, match: string, groups: string[]): string {
  return rep.replace(/\\(\d)|\\n|\\&|&|\\\\/g, (tok, d: string) => (d ? (groups[Number(d) - 1] ?? '') : tok === '\\n' ? '\n' : tok === '\\&' ? '&' : tok === '\\\\' ? '\\' : match));
}

function substitute(line: string, c: SedCommand): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  const text = line.replace(c.regex!, (match: string, ...rest: unknown[]) => {
    count++;
    const groups = rest.slice(0, -2) as string[];
    const hit = c.occurrence ? count === c.occurrence : c.global || count === 1;
    if (!hit) return match;
    changed = true;
    return expandReplacement(c.replacement!, match, groups);
  });
  return { text, changed };
}

export function runSed(script: string[], input: string, opts: { quiet: boolean; extended: boolean }): string {
  const cmds = script.flatMap((s) => parseScript(s, opts.extended));
  const lines = input.split('\n');
  const trailingNewline = input.endsWith('\n');
  if (trailingNewline) lines.pop();
  const inRange = new Map<SedCommand, boolean>();
  const matches = (a: Address, n: number, line: string) => ('line' in a ? a.line === n : 'last' in a ? n === lines.length : a.regex.test(line));
  // A range is active from a line matching `from` through the line matching `to`; a line-number
  // `to` at or before the start ends it at once, a regex `to` is looked for from the next line.
  const stepRange = (c: SedCommand, n: number, line: string): boolean => {
    const to = c.to!;
    if (inRange.get(c)) {
      const ends = 'line' in to ? n >= to.line : matches(to, n, line);
      if (ends) inRange.set(c, false);
      return true;
    }
    if (!matches(c.from!, n, line)) return false;
    inRange.set(c, 'line' in to ? to.line > n : !('last' in to && n === lines.length));
    return true;
  };
  let out = '';
  for (let n = 1; n <= lines.length; n++) {
    let line = lines[n - 1];
    let deleted = false;
    let quit = false;
    let append = '';
    for (const c of cmds) {
      let selected = true;
      if (c.from && !c.to) selected = matches(c.from, n, line);
      else if (c.from && c.to) selected = stepRange(c, n, line);
      if (c.negate) selected = !selected;
      if (!selected) continue;
      if (c.op === 's') {
        const r = substitute(line, c);
        line = r.text;
        if (r.changed && c.print) out += line + '\n';
      } else if (c.op === 'd') {
        deleted = true;
        break;
      } else if (c.op === 'p') out += line + '\n';
      else if (c.op === '=') out += `${n}\n`;
      else if (c.op === 'a') append += c.text + '\n';
      else if (c.op === 'i') out += c.text + '\n';
      else if (c.op === 'c') {
        out += c.text + '\n';
        deleted = true;
        break;
      } else if (c.op === 'q') {
        quit = true;
        break;
      }
    }
    if (!deleted && !opts.quiet) out += line + (n < lines.length || trailingNewline ? '\n' : '');
    out += append;
    if (quit) break;
  }
  return out;
}

export const sed: CommandFn = ({ args, io, shell }) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let extended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-i' || a.startsWith('-i') || a === '--in-place') inPlace = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
    } else if (!scripts.length && !a.startsWith('-')) scripts.push(a);
    else files.push(a);
  }
  if (!scripts.length) {
    io.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  try {
    if (inPlace) {
      if (!files.length) {
        io.err('sed: no input files\n');
        return 1;
      }
      for (const f of files) shell.fs.writeFile(f, runSed(scripts, shell.fs.readFile(f), { quiet, extended }));
      return 0;
    }
    const input = files.length ? files.map((f) => shell.fs.readFile(f)).join('') : io.stdin;
    io.out(runSed(scripts, input, { quiet, extended }));
    return 0;
  } catch (e) {
    if (e instanceof SedError) {
      io.err(`sed: ${e.message}\n`);
      return 1;
    }
    if (e instanceof VfsError) {
      io.err(`sed: can't read ${e.path}: ${e.reason}\n`);
      return 2;
    }
    if (e instanceof SyntaxError) {
      io.err(`sed: -e expression #1, char 0: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
};
