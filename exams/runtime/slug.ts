// An exam attempt's sandbox name, `exam-<exam slug>-<attempt id>`: what the socket attaches to
// and the session keys the sandbox by. Pure, so the pages and the server read it cheaply.
const PREFIX = 'exam-';
/** cuid()s: lower-case letters and digits. */
const ATTEMPT_ID = /^[a-z0-9]{8,40}$/;

export function examSandboxSlug(examSlug: string, attemptId: string): string {
  return `${PREFIX}${examSlug}-${attemptId}`;
}

/** The exam and attempt a sandbox slug names, or undefined when it names none. */
export function parseExamSandboxSlug(slug: string): { examSlug: string; attemptId: string } | undefined {
  if (!slug.startsWith(PREFIX)) return undefined;
  const cut = slug.lastIndexOf('-');
  const examSlug = slug.slice(PREFIX.length, cut);
  const attemptId = slug.slice(cut + 1);
  if (!examSlug || !ATTEMPT_ID.test(attemptId)) return undefined;
  return { examSlug, attemptId };
}

export const isExamSandboxSlug = (slug: string) => parseExamSandboxSlug(slug) !== undefined;
