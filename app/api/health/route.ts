import { getHealthReport } from '@/lib/health';

// Load balancers poll this: 200 while the portal can serve tenants (even a stale list), 503 when it cannot.
export async function GET() {
  const report = await getHealthReport();
  return Response.json(report, {
    status: report.status === 'failing' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
