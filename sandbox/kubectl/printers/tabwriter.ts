// Go's text/tabwriter (left-aligned, space padding), which kubectl uses for every table and for
// describe. Output must match byte for byte, so this follows its rules exactly:
// - a cell is text terminated by a tab; the text after a line's last tab is not aligned;
// - a column block is a run of consecutive lines that all have a cell in that column;
//   its width is max(minWidth, widest cell + padding);
// - a line with a single cell flushes: it ends every block above it.

export interface TabwriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
}

/** kubectl get: printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3). */
export const GET_OPTIONS: TabwriterOptions = { minWidth: 6, tabWidth: 4, padding: 3 };
/** kubectl describe: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_OPTIONS: TabwriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };

const runeWidth = (s: string) => [...s].length;

/** Formats text containing tabs and newlines the way a flushed Go tabwriter would. */
export function tabwrite(text: string, opts: TabwriterOptions = GET_OPTIONS): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  // The text after the final '\n' is an unterminated last line (often empty).
  let out = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    if (lines[i].length === 1 && !isLast) {
      out += formatBlock(lines.slice(start, i + 1), opts, false);
      start = i + 1;
    }
  }
  out += formatBlock(lines.slice(start), opts, true);
  return out;
}

function formatBlock(lines: string[][], opts: TabwriterOptions, endsUnterminated: boolean): string {
  const widths: number[] = [];
  const parts: string[] = [];
  format(lines, 0, lines.length, widths, opts, parts);
  // Every line but an unterminated final one ends with a newline.
  return parts
    .map((line, i) => (i === parts.length - 1 && endsUnterminated ? line : line + '\n'))
    .join('');
}

function format(lines: string[][], line0: number, line1: number, widths: number[], opts: TabwriterOptions, out: string[]): void {
  const column = widths.length;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    writeLines(lines, line0, i, widths, out);
    line0 = i;
    let width = opts.minWidth;
    for (; i < line1; i++) {
      if (column >= lines[i].length - 1) break;
      width = Math.max(width, runeWidth(lines[i][column]) + opts.padding);
    }
    widths.push(width);
    format(lines, line0, i, widths, opts, out);
    widths.pop();
    line0 = i;
    i--; // the loop's i++ must look at the line that ended the block again
  }
  writeLines(lines, line0, line1, widths, out);
}

function writeLines(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
  for (let i = line0; i < line1; i++) {
    let s = '';
    lines[i].forEach((cell, j) => {
      s += cell;
      if (j < widths.length && j < lines[i].length - 1) s += ' '.repeat(Math.max(0, widths[j] - runeWidth(cell)));
    });
    out.push(s);
  }
}
