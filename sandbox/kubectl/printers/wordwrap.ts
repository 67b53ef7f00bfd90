// Word wrapping as kubectl's explain templates do it (mitchellh/go-wordwrap through
// term.WordWrapWriter): break at whitespace before a word would pass the limit, keep the
// text's own newlines, never split a word (a long URL overflows its line).

export function wrapWords(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const flushSpaceAndWord = () => {
    current += space.length + word.length;
    out += space + word;
    space = '';
    word = '';
  };
  for (const ch of text) {
    if (ch === '\n') {
      if (!word) {
        // Trailing spaces are dropped when they would pass the limit.
        if (current + space.length <= limit) out += space;
        space = '';
      } else flushSpaceAndWord();
      out += '\n';
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (!space || word) flushSpaceAndWord();
      space += ch;
    } else {
      word += ch;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (!word) {
    if (current + space.length <= limit) out += space;
  } else out += space + word;
  return out;
}

/** Every line prefixed with `n` spaces (empty lines too), as the templates' `indent` does. */
export const indentLines = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
