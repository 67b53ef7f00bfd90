import { describe, expect, it } from 'vitest';
import { GoValue, errorBody, goQuote, invalid, required } from '../field-errors.js';
import { cronScheduleError } from './cron.js';
import { isDNS1123Label, isQualifiedName, isValidPortName, nameIsDNSSubdomain } from './names.js';
import { canonicalQuantity, compareQuantity, parseQuantity } from './quantity.js';
import { specDiff } from './spec-diff.js';

describe('quantities print in Go canonical form', () => {
  it.each([
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['100Ki', '100Ki'],
    ['1e3', '1e3'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['0', '0'],
  ])('%s → %s', (input, expected) => expect(canonicalQuantity(input)).toBe(expected));

  it('compares across formats exactly', () => {
    expect(compareQuantity(parseQuantity('0.5')!, parseQuantity('500m')!)).toBe(0);
    expect(compareQuantity(parseQuantity('1Gi')!, parseQuantity('1G')!)).toBe(1);
    expect(parseQuantity('2x')).toBeUndefined();
  });
});

describe('cron schedules (robfig/cron v3 texts)', () => {
  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['@sometimes', 'unrecognized descriptor: @sometimes'],
  ])('%s', (schedule, message) => expect(cronScheduleError(schedule)).toBe(message));

  it.each(['*/5 * * * *', '0 0 * * SUN', '0 9-17 * JAN-MAR 1-5', '@daily', '@every 1h30m', '0,30 * * * *'])('accepts %s', (s) =>
    expect(cronScheduleError(s)).toBeUndefined(),
  );
});

describe('names', () => {
  it('masks a trailing dash of generateName', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toHaveLength(1);
  });
  it('reports each problem of a port name', () => {
    expect(isValidPortName('-123-')).toEqual(['must contain at least one letter (a-z)', 'must not begin or end with a hyphen']);
  });
  it('checks the prefix of a qualified name', () => {
    expect(isQualifiedName('Example.com/app')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty']);
  });
  it('counts bytes, not characters, like Go', () => {
    expect(isDNS1123Label('é'.repeat(32))).toContain('must be no more than 63 characters');
  });
});

describe('Go rendering of bad values (apimachinery 1.32)', () => {
  it('quotes strings with %q and prints numbers with %v', () => {
    expect(errorBody(invalid('f', 'a"b\u0007', 'x'))).toBe('Invalid value: "a\\"b\\a": x');
    expect(errorBody(invalid('f', -1, 'x'))).toBe('Invalid value: -1: x');
  });
  it('prints nil as the quoted string "null"', () => expect(errorBody(invalid('f', null, 'x'))).toBe('Invalid value: "null": x'));
  it('sorts map keys like %#v', () => expect(errorBody(invalid('f', { b: '2', a: '1' }, 'x'))).toBe('Invalid value: map[string]string{"a":"1", "b":"2"}: x'));
  it('prints preformatted Go values as they are', () => expect(errorBody(invalid('f', new GoValue('v1.X{}'), 'x'))).toBe('Invalid value: v1.X{}: x'));
  it('never prints the value of Required', () => expect(errorBody(required('f', 'why'))).toBe('Required value: why'));
  it('goQuote escapes control bytes as Go does', () => expect(goQuote('\x00\x7f')).toBe('"\\x00\\x7f"'));
});

describe('spec diff in the layout of go-cmp', () => {
  it('narrows to the changed field', () => {
    const before = { containers: [{ name: 'web', ports: [{ containerPort: 80, protocol: 'TCP' }] }], dnsPolicy: 'ClusterFirst' };
    const after = { containers: [{ name: 'web', ports: [{ containerPort: 8080, protocol: 'TCP' }] }], dnsPolicy: 'ClusterFirst', nodeSelector: { disk: 'ssd' } };
    expect(specDiff('core.PodSpec', before, after)).toBe(
      [
        '  core.PodSpec{',
        '  \tContainers: {',
        '  \t\t{',
        '  \t\t\tPorts: {',
        '  \t\t\t\t{',
        '- \t\t\t\t\tContainerPort: 80,',
        '+ \t\t\t\t\tContainerPort: 8080,',
        '  \t\t\t\t\t... // 1 identical field',
        '  \t\t\t\t},',
        '  \t\t\t},',
        '  \t\t\t... // 1 identical field',
        '  \t\t},',
        '  \t},',
        '+ \tNodeSelector: {"disk": "ssd"},',
        '  \t... // 1 identical field',
        '  }',
        '',
      ].join('\n'),
    );
  });
});
