// POST /api/exam-attempts/<id>/flags {taskId, flagged}: the candidate's own running attempt only.
import { z } from 'zod';
import { isRefusal } from '../../../../../server/exam-service';
import { caller, refusalResponse } from '../attempt-route';

const Body = z.object({ taskId: z.string().min(1).max(80), flagged: z.boolean() });

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await caller(req);
  if (who instanceof Response) return who;
  const body = Body.safeParse(await req.json().catch(() => undefined));
  if (!body.success) return Response.json({ error: body.error.issues[0]?.message ?? 'bad request' }, { status: 400 });
  const result = await who.exams.setFlag(who.userId, (await params).id, body.data.taskId, body.data.flagged);
  return isRefusal(result) ? refusalResponse(result) : Response.json(result);
}
