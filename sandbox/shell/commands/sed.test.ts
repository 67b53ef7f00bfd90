import { describe, expect, it } from 'vitest';
import { runSed } from './sed.js';

const sed = (script: string | string[], input: string, quiet = false, extended = false) => runSed(Array.isArray(script) ? script : [script], input, { quiet, extended });

describe('sed', () => {
  it('substitutes the first match, or every match with g, with groups and &', () => {
    expect(sed('s/a/b/', 'aaa\n')).toBe('baa\n');
    expect(sed('s/a/b/g', 'aaa\n')).toBe('bbb\n');
    expect(sed('s/\\(x\\)\\(y\\)/\\2\\1/', 'xy\n')).toBe('yx\n');
    expect(sed('s/web/[&]/', 'web\n')).toBe('[web]\n');
    expect(sed('s|image: nginx|image: nginx:1.27|', '  image: nginx\n')).toBe('  image: nginx:1.27\n');
    expect(sed('s/a/b/2', 'aaa\n')).toBe('aba\n');
  });
  it('deletes, prints and addresses lines', () => {
    expect(sed('2d', 'a\nb\nc\n')).toBe('a\nc\n');
    expect(sed('/b/d', 'a\nb\nc\n')).toBe('a\nc\n');
    expect(sed('2,$d', 'a\nb\nc\n')).toBe('a\n');
    expect(sed('/start/,/end/d', 'x\nstart\ny\nend\nz\n')).toBe('x\nz\n');
    expect(sed('1p', 'a\nb\n', true)).toBe('a\n');
    expect(sed('$!d', 'a\nb\n')).toBe('b\n');
    expect(sed(['s/a/A/', 's/b/B/'], 'ab\n')).toBe('AB\n');
  });
  it('understands extended expressions with -E', () => {
    expect(sed('s/(a+)b/<\\1>/', 'aab\n', false, true)).toBe('<aa>\n');
  });
  it('appends and inserts text, and quits', () => {
    expect(sed('1a\\\nnew', 'a\nb\n')).toBe('a\nnew\nb\n');
    expect(sed('1q', 'a\nb\n')).toBe('a\n');
  });
});
