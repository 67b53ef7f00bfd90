import { describe, expect, it } from 'vitest';
import { indentLines, wrapWords } from './wordwrap.js';

describe('wrapWords (go-wordwrap)', () => {
  it('breaks before the word that would pass the limit', () => {
    expect(wrapWords('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });
  it('keeps a word longer than the limit whole and the text own newlines', () => {
    expect(wrapWords('see https://example.com/a/very/long/path ok\n\nnext', 10)).toBe('see\nhttps://example.com/a/very/long/path\nok\n\nnext');
  });
  it('indents every line, empty ones too', () => {
    expect(indentLines('a\n\nb\n', 2)).toBe('  a\n  \n  b\n  ');
  });
});
