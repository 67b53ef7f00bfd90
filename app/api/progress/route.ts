// POST /api/progress {lessonSlug, completed}: records the learner's lesson progress.
import { z } from 'zod';
import { getServerContext } from '../../../server/context';
import { lessonSlugs } from '../../lib/content';

const Body = z.object({ lessonSlug: z.string().max(80), completed: z.boolean() });

export async function POST(req: Request) {
  const ctx = getServerContext();
  if (!ctx) return Response.json({ error: 'progress needs the Kubelab server (npm start)' }, { status: 503 });
  const userId = (await ctx.identity.identify(req.headers.get('cookie') ?? undefined))?.userId;
  if (!userId) return Response.json({ error: 'no valid learner cookie' }, { status: 401 });
  const body = Body.safeParse(await req.json().catch(() => undefined));
  if (!body.success) return Response.json({ error: body.error.issues[0]?.message ?? 'bad request' }, { status: 400 });
  if (!(await lessonSlugs()).includes(body.data.lessonSlug)) return Response.json({ error: 'no such lesson' }, { status: 404 });
  const { lessonSlug, completed } = body.data;
  await ctx.db.user.upsert({ where: { id: userId }, create: { id: userId }, update: { lastSeenAt: new Date() } });
  const completedAt = completed ? new Date() : null;
  await ctx.db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    create: { userId, lessonSlug, completedAt },
    update: { completedAt },
  });
  return Response.json({ ok: true });
}
