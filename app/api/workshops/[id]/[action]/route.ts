// POST /api/workshops/<id>/{broadcast,hint,extend,end,prewarm}: the instructor's actions.
import { WITHOUT_SERVER, workshopRoutes, type WorkshopAction } from '../../../../../server/workshop-routes';

export const dynamic = 'force-dynamic';

const ACTIONS = new Set<WorkshopAction>(['broadcast', 'hint', 'extend', 'end', 'prewarm']);

export async function POST(req: Request, { params }: { params: Promise<{ id: string; action: string }> }) {
  const { id, action } = await params;
  if (!ACTIONS.has(action as WorkshopAction)) return Response.json({ error: 'No such workshop action.' }, { status: 404 });
  return (await workshopRoutes()?.action(req, id, action as WorkshopAction)) ?? WITHOUT_SERVER();
}
