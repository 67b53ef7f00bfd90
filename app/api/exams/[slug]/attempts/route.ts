// POST /api/exams/<slug>/attempts: start the exam (or go back to the running attempt), then the
// attempt page (303, so the intro page's plain form works without JavaScript).
import { getServerContext } from '../../../../../server/context';
import { getExamService } from '../../../../../server/exam-context';
import { isRefusal } from '../../../../../server/exam-service';

export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = getServerContext();
  const exams = getExamService();
  if (!ctx || !exams) return Response.json({ error: 'exams need the Kubelab server (npm start)' }, { status: 503 });
  const userId = (await ctx.identity.identify(req.headers.get('cookie') ?? undefined))?.userId;
  if (!userId) return Response.json({ error: 'no valid learner cookie; reload the page' }, { status: 401 });
  const attempt = await exams.start(userId, slug);
  if (isRefusal(attempt)) return Response.json({ error: attempt.message }, { status: 404 });
  return new Response(null, { status: 303, headers: { Location: `/exams/${slug}/attempt` } });
}
