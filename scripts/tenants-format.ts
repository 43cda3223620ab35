import type { TenantCheck } from '../lib/tenants/check';

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/** A plain-text table an operator can read in a terminal or paste into a ticket. */
export function formatCheckTable(checks: TenantCheck[], label: string): string {
  const header = ['TENANT', 'REGION', 'TOKEN', 'BINDING', 'FEATURES', 'MISSING PERMISSIONS / PROBLEM'];
  const rows = checks.map((check) => {
    const ok = check.features.filter((f) => f.state === 'ok').length;
    const missing = [...new Set(check.features.flatMap((f) => (f.state === 'missing' ? f.missingPermissions : [])))];
    const unknown = check.features.filter((f) => f.state === 'unknown').map((f) => `${f.id}: ${f.reason}`);
    const problem = check.token.ok
      ? [...missing, ...unknown].join(', ') || '-'
      : `${check.token.code}: ${check.token.message}`;
    return [
      check.tenantId,
      check.region,
      check.token.ok ? 'ok' : 'FAILED',
      check.binding,
      check.token.ok ? `${ok}/${check.features.length}` : '-',
      problem,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const failing = checks.filter((c) => !c.token.ok || c.binding !== 'ok').length;
  const lines = [
    `Tenant check: ${checks.length} tenants (${label})`,
    '',
    row(header, widths),
    ...rows.map((r) => row(r, widths)),
    '',
    `${checks.length - failing} ok, ${failing} failing`,
  ];
  const narrowed = checks.filter((c) => c.features.some((f) => f.state === 'missing'));
  if (narrowed.length > 0) {
    lines.push('Missing permissions: grant them to a role of the tenant OAuth client (Admin > Roles, Admin > OAuth).');
  }
  return lines.join('\n');
}
