// GET /api/workshops/<id>/results: one CSV row per participant × lab (the instructor's only).
import { WITHOUT_SERVER, workshopRoutes } from '../../../../../server/workshop-routes';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return (await workshopRoutes()?.results(req, (await params).id)) ?? WITHOUT_SERVER();
}
