// Questions in a lab: multiple choice (`choices` + `answer`) or short answer (`answer`, and
// optionally `accept` patterns). A question is graded like any check, from GradingState.answers.
import { z } from 'zod';
import { fail, pass, type CheckOutcome, type GradingState } from './check';
import type { CompiledCheck } from './declarative';

export const QuestionSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'),
    prompt: z.string().min(1),
    /** Multiple choice when present: the learner picks one. */
    choices: z.array(z.string().min(1)).min(2).optional(),
    /** The right choice, or the expected short answer. */
    answer: z.string().min(1),
    /** Short answer: other answers that count (regular expressions, matched case-insensitively against the trimmed answer). */
    accept: z.array(z.string()).optional(),
    /** Shown once answered correctly: why it is right. */
    explanation: z.string().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.choices && !q.choices.includes(q.answer)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `the answer must be one of the choices (${q.choices.join(' | ')})` });
    if (q.choices && q.accept) ctx.addIssue({ code: 'custom', path: ['accept'], message: 'accept is for short answers; a multiple-choice question has exactly one right choice' });
    for (const [i, r] of (q.accept ?? []).entries()) {
      try {
        new RegExp(r);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['accept', i], message: 'not a valid regular expression' });
      }
    }
  });

export type QuestionSpec = z.infer<typeof QuestionSpec>;

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function isCorrect(q: QuestionSpec, given: string): boolean {
  if (q.choices) return given === q.answer;
  const answer = normalize(given);
  return answer === normalize(q.answer) || (q.accept ?? []).some((r) => new RegExp(`^(?:${r})$`, 'i').test(answer));
}

export function gradeQuestion(q: QuestionSpec, state: GradingState): CheckOutcome {
  const given = state.answers?.[q.id];
  if (given === undefined || given.trim() === '') return fail('Not answered yet.');
  if (!isCorrect(q, given)) return fail(`${JSON.stringify(given.trim())} is not right. Look again at the cluster, then try another answer.`);
  return pass(q.explanation ? `Correct. ${q.explanation}` : 'Correct.');
}

export function compileQuestion(q: QuestionSpec): CompiledCheck {
  return { id: q.id, title: q.prompt, kinds: [], evaluate: (s) => gradeQuestion(q, s) };
}
