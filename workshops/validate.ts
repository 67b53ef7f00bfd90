// What a workshop form and the workshop routes accept, with messages a person can act on.
import { z } from 'zod';
import { findLabMeta } from '../labs/catalog';

export const MAX_WORKSHOP_MINUTES = 7 * 24 * 60;

export const CreateWorkshopInput = z.object({
  title: z.string().trim().min(1, 'Give the workshop a title.').max(120, 'A title may be at most 120 characters.'),
  labSlugs: z
    .array(z.string().max(80))
    .min(1, 'Choose at least one lab.')
    .max(30, 'A workshop may have at most 30 labs.')
    .refine((slugs) => slugs.every((s) => findLabMeta(s) !== undefined), 'One of the chosen labs does not exist.')
    .refine((slugs) => new Set(slugs).size === slugs.length, 'A lab was chosen twice.'),
  startsAt: z.coerce.date({ message: 'Give a start time.' }).refine((d) => !Number.isNaN(d.getTime()), 'Give a start time.'),
  durationMinutes: z.coerce.number().int('The duration is a whole number of minutes.').min(10, 'A workshop lasts at least 10 minutes.').max(MAX_WORKSHOP_MINUTES, 'A workshop lasts at most a week.'),
  stuckMinutes: z.coerce.number().int().min(1, 'Flag after at least 1 minute.').max(240, 'Flag after at most 240 minutes.').default(10),
});
export type CreateWorkshopInput = z.infer<typeof CreateWorkshopInput>;

export const JoinInput = z.object({
  code: z.string().max(40),
  name: z.string().trim().min(1, 'Tell your instructor your name.').max(60, 'A name may be at most 60 characters.'),
});

export const BroadcastInput = z.object({ text: z.string().trim().min(1, 'Write a message.').max(1000, 'A message may be at most 1000 characters.') });
export const HintInput = z.object({ labSlug: z.string().max(80), stepId: z.string().max(80), hintIndex: z.number().int().min(0).max(50) });
export const ExtendInput = z.object({ minutes: z.number().int().min(1, 'Extend by at least a minute.').max(24 * 60, 'Extend by at most a day.') });

/** The first problem's message, for a 400 answer. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'bad request';
}
