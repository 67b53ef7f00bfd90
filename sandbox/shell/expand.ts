// Word expansion in bash's order: tilde, parameters, command substitution, field splitting of
// unquoted results, pathname expansion (globs) on unquoted patterns, quote removal.
import type { Word, WordPart } from './ast.js';
import { HOME } from './vfs.js';

export interface ExpansionHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Runs a command substitution and returns its standard output. */
  substitute(script: string): Promise<string>;
  /** Paths matching a glob pattern, sorted; empty when nothing matches. */
  glob(pattern: string): string[];
}

/** A field being built: its text, and which characters came from unquoted text (glob-able). */
interface Field {
  text: string;
  globbable: boolean[];
  quoted: boolean;
}

export async function expandWords(words: Word[], host: ExpansionHost): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(await expandWord(w, host)));
  return out;
}

/** One word to zero or more fields. */
export async function expandWord(word: Word, host: ExpansionHost): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const append = (text: string, globbable: boolean, quoted: boolean) => {
    current ??= { text: '', globbable: [], quoted: false };
    current.text += text;
    current.globbable.push(...Array.from(text, () => globbable));
    current.quoted ||= quoted;
  };
  for (const [i, part] of word.parts.entries()) {
    if (part.kind === 'lit') {
      const text = i === 0 && !part.quoted ? expandTilde(part.text, host) : part.text;
      append(text, !part.quoted, part.quoted);
      continue;
    }
    const value = await expandPart(part, host);
    if (part.quoted) {
      append(value, false, true);
      continue;
    }
    // Unquoted expansion results are split on whitespace into separate fields.
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, j) => {
      if (j > 0) {
        if (current && (current.text || current.quoted)) fields.push(current);
        current = undefined;
      }
      if (piece) append(piece, false, false);
    });
  }
  if (current && (current.text || current.quoted)) fields.push(current);
  return fields.flatMap((f) => globField(f, host));
}

/** Expands a word to one string without splitting (assignments, redirection targets, here-doc words). */
export async function expandToString(word: Word, host: ExpansionHost): Promise<string> {
  let s = '';
  for (const [i, part] of word.parts.entries()) {
    if (part.kind === 'lit') s += i === 0 && !part.quoted ? expandTilde(part.text, host) : part.text;
    else s += await expandPart(part, host);
  }
  return s;
}

/** Expands $VAR, ${VAR} and $(cmd) inside an unquoted-delimiter here-document body. */
export async function expandHeredoc(body: string, host: ExpansionHost): Promise<string> {
  let out = '';
  const re = /\\([$`\\])|\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])/g;
  let last = 0;
  for (const m of body.matchAll(re)) {
    out += body.slice(last, m.index);
    if (m[1]) out += m[1];
    else if (m[2] !== undefined) out += (await host.substitute(m[2])).replace(/\n+$/, '');
    else out += host.getVar(m[3] ?? m[4]) ?? '';
    last = m.index! + m[0].length;
  }
  return out + body.slice(last);
}

async function expandPart(part: Exclude<WordPart, { kind: 'lit' }>, host: ExpansionHost): Promise<string> {
  if (part.kind === 'cmd') return (await host.substitute(part.script)).replace(/\n+$/, '');
  const value = host.getVar(part.name);
  switch (part.op) {
    case '#':
      return String((value ?? '').length);
    case ':-':
      return value ? value : part.arg ? await expandToString(part.arg, host) : '';
    case '-':
      return value !== undefined ? value : part.arg ? await expandToString(part.arg, host) : '';
    case ':=': {
      if (value) return value;
      const v = part.arg ? await expandToString(part.arg, host) : '';
      host.setVar(part.name, v);
      return v;
    }
    default:
      return value ?? '';
  }
}

function expandTilde(text: string, host: ExpansionHost): string {
  if (text === '~' || text.startsWith('~/')) return (host.getVar('HOME') ?? HOME) + text.slice(1);
  return text;
}

function globField(f: Field, host: ExpansionHost): string[] {
  const hasGlob = [...f.text].some((ch, i) => f.globbable[i] && (ch === '*' || ch === '?' || ch === '['));
  if (!hasGlob) return [f.text];
  const matches = host.glob(f.text);
  // Like bash without nullglob: an unmatched pattern stays as typed.
  return matches.length ? matches : [f.text];
}

/** A glob pattern (one path segment) as a regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(re + '$');
}
