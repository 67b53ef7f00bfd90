// Strategic merge patches checked against the real implementation: __golden__/strategic-kubectl.json
// holds what kubectl 1.32's `patch --local` (the same apimachinery strategicpatch code the API
// server runs) made of each patch; regenerate with __golden__/generate-strategic.mjs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepFreeze, type KubeObject } from '../../objects.js';
import { applyStrategicMergePatch } from './strategic.js';
import { catchStatus } from './test-support.js';

const dir = new URL('./__golden__/', import.meta.url);
const original = deepFreeze(JSON.parse(readFileSync(new URL('strategic-original.json', dir), 'utf8'))) as KubeObject;
const cases = JSON.parse(readFileSync(new URL('strategic-kubectl.json', dir), 'utf8')) as { patch: unknown; result?: unknown; error?: string }[];

describe('applyStrategicMergePatch matches kubectl 1.32 strategicpatch', () => {
  it.each(cases.map((c) => [JSON.stringify(c.patch), c] as const))('%s', (_name, c) => {
    if (c.error === undefined) {
      expect(applyStrategicMergePatch(original, c.patch)).toEqual(c.result);
    } else {
      // kubectl prints a message ending in a newline without adding another, so the stored text
      // cannot show the trailing newline some Go messages have.
      expect(catchStatus(() => applyStrategicMergePatch(original, c.patch)).status.message!.replace(/\n$/, '')).toBe(c.error);
    }
  });
});
