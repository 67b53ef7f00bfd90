import { describe, expect, it } from 'vitest';
import { AttachRequest } from '../../sandbox/protocol';
import { examSandboxSlug, isExamSandboxSlug, parseExamSandboxSlug } from './slug';

describe('exam sandbox slugs', () => {
  it('name the exam and the attempt, and round-trip', () => {
    const slug = examSandboxSlug('cka-practice', 'cmi8x2k3a0000abcd1234efgh');
    expect(slug).toBe('exam-cka-practice-cmi8x2k3a0000abcd1234efgh');
    expect(parseExamSandboxSlug(slug)).toEqual({ examSlug: 'cka-practice', attemptId: 'cmi8x2k3a0000abcd1234efgh' });
    // The socket's attach request accepts it as a lab slug.
    expect(AttachRequest.safeParse({ labSlug: slug }).success).toBe(true);
  });

  it('are not confused with labs', () => {
    for (const lab of ['deploy-nginx', 'exam', 'exam-', 'exam-cka-x', 'examples-one-abcdefgh12']) expect(isExamSandboxSlug(lab)).toBe(false);
  });
});
