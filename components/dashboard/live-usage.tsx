'use client';

import type { TenantUsage } from '@/lib/genesys-runtime';
import { percentOf, formatCount } from '@/components/charts/scale';
import { Sparkline } from '@/components/charts/sparkline';
import { useTenantJson } from '@/components/portal/use-tenant-json';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { toMinuteWindows, windowLabel } from './usage-windows';
import styles from './section.module.css';

export const USAGE_REFRESH_MS = 5_000;

interface UsagePayload {
  tenantId: string;
  data: TenantUsage;
}

/** This tenant's upstream requests per minute against its limit, refreshed every few seconds. */
export function LiveUsage({ tenantId }: { tenantId: string }) {
  const state = useTenantJson<UsagePayload>(`/api/tenants/${encodeURIComponent(tenantId)}/usage`, {
    tenantId,
    refreshMs: USAGE_REFRESH_MS,
  });
  if (state.status === 'loading') return <Skeleton height="9rem" label="Loading rate-budget use" />;
  if (state.status === 'error') {
    const { message, requestId, code, missingPermissions, retryAfterSeconds } = state.error;
    return (
      <ErrorPanel
        message={message}
        requestId={requestId}
        code={code}
        missingPermissions={missingPermissions}
        retryAfterSeconds={retryAfterSeconds}
        onRetry={state.retry}
      />
    );
  }
  const usage = state.data.data;
  if (usage.tenantId !== tenantId) return null; // belt and braces: the hook already dropped other tenants
  const windows = toMinuteWindows(usage.buckets, usage.bucketMs);
  const last = windows[windows.length - 1] ?? { requests: 0, throttled: 0 };
  const throttled = windows.reduce((sum, w) => sum + w.throttled, 0);
  const limit = usage.limitPerMinute;
  return (
    <div data-tenant-id={usage.tenantId}>
      <p className={styles.summary}>
        <strong>{formatCount(last.requests)}</strong> requests in the last minute of {formatCount(limit)}/min (
        {percentOf(last.requests, limit)}%)
      </p>
      <Sparkline
        title={`Upstream requests per minute, last ${windows.length} minutes`}
        values={windows.map((w) => w.requests)}
        labels={windows.map((w) => windowLabel(w.minutesAgo))}
        limit={limit}
        limitLabel={`limit ${formatCount(limit)}/min`}
        categoryLabel="Minute"
        valueLabel="Requests"
      />
      <p className={styles.note}>
        {throttled === 0
          ? `No 429 (rate limited) answers in the last ${windows.length} minutes.`
          : `${formatCount(throttled)} answered 429 (rate limited) in the last ${windows.length} minutes.`}
      </p>
    </div>
  );
}
