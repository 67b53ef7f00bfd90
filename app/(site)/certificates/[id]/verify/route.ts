// GET /certificates/<id>/verify: whether Kubelab issued this certificate, as JSON, for anyone who
// is shown one. 200 {valid: true, …} for a genuine id, 404 {valid: false} otherwise.
import { getServerContext } from '../../../../../server/context';
import { findCertificate } from '../../../../lib/courses';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = getServerContext()?.db;
  if (!db) return Response.json({ error: 'verification needs the Kubelab server (npm start)' }, { status: 503, headers: NO_STORE });
  const { id } = await params;
  const cert = typeof id === 'string' && id.length <= 64 ? await findCertificate(db, id) : undefined;
  if (!cert) return Response.json({ valid: false, id, message: 'Kubelab issued no certificate with this id.' }, { status: 404, headers: NO_STORE });
  return Response.json(
    {
      valid: true,
      id: cert.id,
      learnerName: cert.learnerName,
      course: { slug: cert.courseSlug, title: cert.courseTitle },
      issuedAt: cert.issuedAt.toISOString(),
      message: `Genuine: Kubelab issued this certificate to ${cert.learnerName} for completing ${cert.courseTitle}.`,
    },
    { headers: NO_STORE },
  );
}
