// Golden files for tests: compared exactly; `UPDATE_GOLDEN=1` writes them (a missing golden is
// a failure otherwise, so a test can never pass by writing its own expectation).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path} (run with UPDATE_GOLDEN=1 and check it by eye)`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
