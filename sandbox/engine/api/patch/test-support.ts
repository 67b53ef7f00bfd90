// Helpers for this folder's tests (kept out of *.test.ts so that tests can share them).
import { StatusError } from '../errors.js';

/** The StatusError `fn` throws; fails when it throws something else or nothing. */
export function catchStatus(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}
