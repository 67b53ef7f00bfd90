// kubectl describe's PrefixWriter over Go's text/tabwriter (minwidth 0, tabwidth 8, padding 2):
// text is written at an indent level (two spaces each) and aligned when flushed. The Events
// section flushes first, so its table never shares column widths with the lines above it.
import { DESCRIBE_OPTIONS, tabwrite } from '../printers/tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class DescribeWriter {
  private flushed = '';
  private pending = '';

  /** Writes text prefixed with two spaces per level (the text carries its own tabs and newlines). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + escapeTerminal(text);
  }

  /** fmt.Sprintln: the text and a newline, without indent. */
  line(text: string): void {
    this.pending += escapeTerminal(text) + '\n';
  }

  /** Ends every column block: what follows is aligned on its own. */
  flush(): void {
    this.flushed += tabwrite(this.pending, DESCRIBE_OPTIONS);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.flushed;
  }
}

/** printers.WriteEscaped: ESC shows as `^[` and a carriage return as `\r`, so output cannot drive the terminal. */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
