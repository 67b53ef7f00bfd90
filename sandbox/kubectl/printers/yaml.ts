// kubectl's YAML output: sigs.k8s.io/yaml turns the object's JSON into YAML with go-yaml v2, so
// keys are sorted (go-yaml's natural order), sequences sit at their key's indentation, strings
// that would read as another type are double-quoted, strings that cannot be plain are
// single-quoted, multi-line strings are literal blocks, and long scalars fold at column 80.

const BEST_WIDTH = 80;

export function toYaml(value: unknown): string {
  const out: string[] = [];
  emitNode(value, 0, out, 'top');
  return out.join('');
}

type Position = 'top' | 'mapValue' | 'seqItem';

function emitNode(value: unknown, indent: number, out: string[], pos: Position): void {
  if (Array.isArray(value)) emitSequence(value, indent, out, pos);
  else if (value !== null && typeof value === 'object') emitMapping(value as Record<string, unknown>, indent, out, pos);
  else out.push(scalar(value, currentColumn(out), indent) + '\n');
}

function emitMapping(map: Record<string, unknown>, indent: number, out: string[], pos: Position): void {
  const keys = Object.keys(map).sort(compareKeys);
  if (keys.length === 0) {
    out.push('{}\n');
    return;
  }
  if (pos === 'mapValue') out.push('\n');
  keys.forEach((key, i) => {
    // The first key of a sequence item continues the "- " line.
    if (!(pos === 'seqItem' && i === 0)) out.push(' '.repeat(indent));
    out.push(`${scalarKey(key)}:`);
    const child = map[key];
    if (isCollection(child) && !isEmpty(child)) {
      // A sequence under a key sits at the key's indentation; a mapping one level deeper.
      emitNode(child, Array.isArray(child) ? indent : indent + 2, out, 'mapValue');
    } else {
      out.push(' ');
      emitNode(child, indent + 2, out, 'mapValue');
    }
  });
}

function emitSequence(items: unknown[], indent: number, out: string[], pos: Position): void {
  if (items.length === 0) {
    out.push('[]\n');
    return;
  }
  if (pos === 'mapValue') out.push('\n');
  items.forEach((item, i) => {
    if (!(pos === 'seqItem' && i === 0)) out.push(' '.repeat(indent));
    out.push('-');
    if (Array.isArray(item) && item.length) {
      out.push(' ');
      emitSequence(item, indent + 2, out, 'seqItem');
    } else if (isCollection(item) && !isEmpty(item)) {
      out.push(' ');
      emitMapping(item as Record<string, unknown>, indent + 2, out, 'seqItem');
    } else {
      out.push(' ');
      emitNode(item, indent + 2, out, 'mapValue');
    }
  });
}

const isCollection = (v: unknown) => v !== null && typeof v === 'object';
const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0);

function currentColumn(out: string[]): number {
  let col = 0;
  for (let i = out.length - 1; i >= 0; i--) {
    const nl = out[i].lastIndexOf('\n');
    if (nl >= 0) return col + out[i].length - nl - 1;
    col += out[i].length;
  }
  return col;
}

function scalarKey(key: string): string {
  return formatString(key, 0, 0, false);
}

function scalar(value: unknown, column: number, indent: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  return formatString(String(value), column, indent, true);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? '+.Inf' : n < 0 ? '-.Inf' : '.NaN';
  // Go's strconv.FormatFloat(f, 'g', -1, 64): exponent form for very large or small values.
  const abs = Math.abs(n);
  if (abs < 1e-4 || abs >= 1e21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function formatString(s: string, column: number, indent: number, allowBreaks: boolean): string {
  if (s.includes('\n')) return literalBlock(s, indent);
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (plainAllowed(s)) return allowBreaks ? fold(s, column, indent, false) : s;
  if (/^[\x20-\x7e\u00a0-\uffff]*$/.test(s)) return allowBreaks ? fold(s.replace(/'/g, "''"), column, indent, true) : `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

/** Folds a scalar at spaces once the column passes 80, as go-yaml's emitter does. */
function fold(text: string, column: number, indent: number, quoted: boolean): string {
  let out = quoted ? "'" : '';
  let col = column + out.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const canBreak = ch === ' ' && text[i - 1] !== ' ' && col > BEST_WIDTH && text[i + 1] !== ' ' && (!quoted || (i > 0 && i < text.length - 1));
    if (canBreak) {
      out += '\n' + ' '.repeat(indent);
      col = indent;
    } else {
      out += ch;
      col++;
    }
  }
  return quoted ? out + "'" : out;
}

function literalBlock(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const lines = body.split('\n').map((l) => (l ? ' '.repeat(indent) + l : ''));
  return `|${indicator}${chomp}\n${lines.join('\n')}`;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

// YAML 1.1 resolution as go-yaml v2 does it: these plain scalars would not read back as strings.
const NON_STRING_WORDS = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<',
]);
const INT = /^[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?([Tt ]|\s+)?(\d\d?:\d\d:\d\d(\.\d*)?)?(\s*(Z|[-+]\d\d?(:\d\d)?))?$/;

function resolvesToNonString(s: string): boolean {
  return NON_STRING_WORDS.has(s) || INT.test(s) || FLOAT.test(s) || BASE60_FLOAT.test(s) || TIMESTAMP.test(s);
}

/** go-yaml's analyze_scalar: may this string be written plain in block context? */
function plainAllowed(s: string): boolean {
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (s.startsWith(' ') || s.endsWith(' ')) return false;
  const first = s[0];
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  const followedByBlank = (i: number) => i + 1 >= s.length || s[i + 1] === ' ' || s[i + 1] === '\t';
  if ((first === '-' || first === '?' || first === ':') && followedByBlank(0)) return false;
  for (let i = 1; i < s.length; i++) {
    const ch = s[i];
    if (ch === ':' && followedByBlank(i)) return false;
    if (ch === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t')) return false;
    if (ch === '\t' || ch.charCodeAt(0) < 0x20 || ch === '\u0085' || ch === '\u2028' || ch === '\u2029' || ch === '\ufeff') return false;
  }
  return true;
}

/** go-yaml v2's keyList.Less: letters compare by code point, digit runs numerically, non-letters first. */
export function compareKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';
