import { describe, expect, it } from 'vitest';
import { goJsonSyntaxError } from './go-json.js';

describe('goJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', ''],
    ['xyz', "invalid character 'x' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a":', 'unexpected end of JSON input'],
    ['{} x', "invalid character 'x' after top-level value"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":"\n"}', "invalid character '\\n' in string literal"],
  ])('%j → %s', (input, message) => {
    expect(goJsonSyntaxError(input)).toBe(message);
  });
});
