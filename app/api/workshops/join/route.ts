// POST /api/workshops/join {code, name}: join a workshop (rate-limited per address and learner).
import { WITHOUT_SERVER, workshopRoutes } from '../../../../server/workshop-routes';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return (await workshopRoutes()?.join(req)) ?? WITHOUT_SERVER();
}
