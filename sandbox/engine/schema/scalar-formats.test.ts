import { describe, expect, it } from 'vitest';
import { base64Error, parseQuantityError, QUANTITY_FORMAT_WRONG, QUANTITY_SUFFIX_WRONG, quantityError } from './scalar-formats.js';

describe('base64Error (Go base64.StdEncoding)', () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['aGVsbG8gd29ybGQ=', undefined],
    ['YQ==', undefined],
    ['YQ==\n', undefined],
    ['', undefined],
    ['hello', 'illegal base64 data at input byte 4'],
    ['abc', 'illegal base64 data at input byte 0'],
    ['ab!d', 'illegal base64 data at input byte 2'],
    ['a===', 'illegal base64 data at input byte 1'],
    ['YQ=', 'illegal base64 data at input byte 3'],
    ['YQ=x', 'illegal base64 data at input byte 2'],
    ['YQ==YQ==', 'illegal base64 data at input byte 4'],
  ])('%j → %s', (input, expected) => {
    expect(base64Error(input)).toBe(expected);
  });
});

describe('quantities (resource.ParseQuantity)', () => {
  it.each([
    ['128Mi', undefined],
    ['0.5', undefined],
    ['500m', undefined],
    ['1e3', undefined],
    ['1E-2', undefined],
    ['+1.5Gi', undefined],
    ['1 Gi', QUANTITY_FORMAT_WRONG],
    ['1Gb', QUANTITY_FORMAT_WRONG],
    ['1gi', QUANTITY_FORMAT_WRONG],
    ['', QUANTITY_FORMAT_WRONG],
    ['1KM', QUANTITY_SUFFIX_WRONG],
    ['500mi', QUANTITY_SUFFIX_WRONG],
  ])('%j → %s', (input, expected) => {
    expect(parseQuantityError(input)).toBe(expected);
  });

  it('takes JSON numbers and refuses other JSON values', () => {
    expect(quantityError(2)).toBeUndefined();
    expect(quantityError(true)).toBe(QUANTITY_FORMAT_WRONG);
    expect(quantityError({ a: 1 })).toBe(QUANTITY_FORMAT_WRONG);
  });
});
