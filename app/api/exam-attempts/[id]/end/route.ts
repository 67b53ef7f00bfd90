// POST /api/exam-attempts/<id>/end: "End exam" — graded now, from the clusters as they are.
import { isRefusal } from '../../../../../server/exam-service';
import { caller, refusalResponse } from '../attempt-route';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await caller(req);
  if (who instanceof Response) return who;
  const result = await who.exams.end(who.userId, (await params).id);
  if (isRefusal(result)) return refusalResponse(result);
  return Response.json({ ok: true, report: `/exams/${result.examSlug}/attempts/${result.id}` });
}
