import type { FeatureAccess } from '../genesys/permission-probe';
import type { PermissionReport } from './types';

export const PERMISSIONS_TTL_MS = 5 * 60_000;
/** A report with unknown features (429, 5xx, timeout) is retried sooner. */
export const PARTIAL_PERMISSIONS_TTL_MS = 30_000;

export function toPermissionReport(features: FeatureAccess[], checkedAt: number): PermissionReport {
  const report: PermissionReport = { checkedAt, missing: [], unknown: [], featureCount: features.length };
  for (const feature of features) {
    const { id, label } = feature;
    if (feature.state === 'missing') report.missing.push({ id, label, permissions: feature.missingPermissions });
    else if (feature.state === 'unknown') report.unknown.push({ id, label, reason: feature.reason });
  }
  return report;
}

export const permissionReportTtl = (report: PermissionReport) =>
  report.unknown.length > 0 ? PARTIAL_PERMISSIONS_TTL_MS : PERMISSIONS_TTL_MS;

/**
 * Keyed by tenant and OAuth client: a tenant moved to another client (with other roles) is
 * probed again at once instead of showing the old client's permissions for minutes.
 */
export const permissionCacheKey = (tenantId: string, clientId: string) =>
  `tenant:${tenantId}:client:${clientId}:portal-permissions`;
