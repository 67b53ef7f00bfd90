// What the attempt's route handlers share: who is asking, and refusals as HTTP statuses.
import { getServerContext } from '../../../../server/context';
import { getExamService } from '../../../../server/exam-context';
import type { ExamService, Refusal } from '../../../../server/exam-service';

export async function caller(req: Request): Promise<{ userId: string; exams: ExamService } | Response> {
  const ctx = getServerContext();
  const exams = getExamService();
  if (!ctx || !exams) return Response.json({ error: 'exams need the Kubelab server (npm start)' }, { status: 503 });
  const userId = (await ctx.identity.identify(req.headers.get('cookie') ?? undefined))?.userId;
  if (!userId) return Response.json({ error: 'no valid learner cookie; reload the page' }, { status: 401 });
  return { userId, exams };
}

const STATUS: Record<Refusal['refused'], number> = { 'not-found': 404, forbidden: 403, ended: 409, 'bad-request': 400 };

export const refusalResponse = (r: Refusal) => Response.json({ error: r.message, code: r.refused }, { status: STATUS[r.refused] });
