// GET /api/workshops: the instructor's own workshops. POST: create one (server/workshop-routes.ts).
import { WITHOUT_SERVER, workshopRoutes } from '../../../server/workshop-routes';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return (await workshopRoutes()?.list(req)) ?? WITHOUT_SERVER();
}

export async function POST(req: Request) {
  return (await workshopRoutes()?.create(req)) ?? WITHOUT_SERVER();
}
