// `npm test` runs labs:check: every lab validates, and its solution turns every check from
// failing to passing in a fresh sandbox.
import { describe, expect, it } from 'vitest';
import { checkLab } from './check';
import { labSlugs } from './load';

describe('labs:check', () => {
  for (const slug of labSlugs()) {
    it(`${slug}: validates and its solution passes every check`, async () => {
      const r = await checkLab(slug);
      expect(r.lines.join('\n'), r.lines.join('\n')).toMatch(/all fail at the start and pass after the solution/);
      expect(r.ok).toBe(true);
    }, 120_000);
  }
});
