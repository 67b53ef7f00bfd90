import { describe, expect, it } from 'vitest';
import { csvField, resultsCsv, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(3)).toBe('3');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2026-11-21T22:00:00Z'))).toBe('2026-11-21T22:00:00.000Z');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-1)).toBe('-1'); // numbers we wrote ourselves stay numbers
  });

  it('ends every line in CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('writes one row per participant and lab', () => {
    const csv = resultsCsv([
      { participant: 'Ann "the kube" Lee', userId: 'u1', lab: 'deploy-nginx', step: '2. Scale', checksPassed: 1, checksTotal: 3, lastProgressAt: new Date('2026-11-21T22:05:00Z'), stuck: '' },
      { participant: 'Bo', userId: 'u2', lab: 'deploy-nginx', step: 'done', checksPassed: 3, checksTotal: 3, completedAt: new Date('2026-11-21T22:10:00Z'), stuck: 'no progress for 12 min' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'participant,user_id,lab,current_step,checks_passed,checks_total,completed_at,last_progress_at,stuck',
      '"Ann ""the kube"" Lee",u1,deploy-nginx,2. Scale,1,3,,2026-11-21T22:05:00.000Z,',
      'Bo,u2,deploy-nginx,done,3,3,2026-11-21T22:10:00.000Z,,no progress for 12 min',
      '',
    ]);
  });
});
