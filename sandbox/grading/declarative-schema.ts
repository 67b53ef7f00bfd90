// The declarative checks a lab.yaml may use, as a zod schema. Each check names exactly one test
// (object, count, condition, applied, command, file, fn); labs/schema.ts embeds this.
// Extensionless imports: the lab catalog (read by the Next.js app) reaches this file.
import { z } from 'zod';
import { KNOWN_KINDS, isNamespacedKind } from './kinds';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens');
const kind = z.string().refine((k) => KNOWN_KINDS.includes(k), { message: `kind must be one of ${KNOWN_KINDS.join(', ')}` });
const regex = z.string().refine(
  (r) => {
    try {
      new RegExp(r);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** A value to compare a field or JSONPath result with: exactly, or by regular expression. */
const Expectation = z
  .object({ path: z.string().min(1), equals: z.union([z.string(), z.number(), z.boolean()]).optional(), matches: regex.optional() })
  .strict()
  .refine((e) => (e.equals === undefined) !== (e.matches === undefined), { message: 'give exactly one of equals or matches' });

const ObjectRef = z.object({ kind, name: z.string().min(1), namespace: z.string().min(1).optional() }).strict();

export const ObjectTest = ObjectRef.extend({
  /** Every JSONPath here must give the expected value (kubectl's `{.spec.replicas}` syntax). */
  expect: z.array(Expectation).optional(),
}).strict();

export const CountTest = z
  .object({
    kind,
    namespace: z.string().min(1).optional(),
    /** kubectl's `-l` syntax: `app=web,tier!=db`. */
    selector: z.string().optional(),
    /** Only objects for which this JSONPath matches (e.g. pods `{.status.phase}` equals Running). */
    where: Expectation.optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'give min, max or both' });

export const ConditionTest = ObjectRef.extend({ type: z.string().min(1), status: z.enum(['True', 'False', 'Unknown']).default('True') }).strict();

export const CommandTest = z.object({ matches: regex }).strict();

export const FileTest = z.object({ path: z.string().startsWith('/'), contains: regex.optional() }).strict();

export const CheckSpec = z
  .object({
    id,
    title: z.string().min(1),
    /** Added to the failure message: what to do next, in the author's words. */
    hint: z.string().optional(),
    object: ObjectTest.optional(),
    count: CountTest.optional(),
    condition: ConditionTest.optional(),
    applied: ObjectRef.optional(),
    command: CommandTest.optional(),
    file: FileTest.optional(),
    /** A TypeScript check from labs/functions.ts, by name. */
    fn: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const tests = CHECK_TESTS.filter((t) => c[t] !== undefined);
    if (tests.length !== 1) ctx.addIssue({ code: 'custom', message: `a check needs exactly one of ${CHECK_TESTS.join(', ')}; found ${tests.length ? tests.join(', ') : 'none'}` });
    for (const t of ['object', 'condition', 'applied'] as const) {
      const ref = c[t];
      if (ref && !isNamespacedKind(ref.kind) && ref.namespace) ctx.addIssue({ code: 'custom', path: [t, 'namespace'], message: `${ref.kind} is cluster-scoped: leave out namespace` });
    }
  });

export const CHECK_TESTS = ['object', 'count', 'condition', 'applied', 'command', 'file', 'fn'] as const;

export type CheckSpec = z.infer<typeof CheckSpec>;
export type Expectation = z.infer<typeof Expectation>;
