import type { Tone } from '@/components/ui/status-badge';
import type { AuditResult } from '@/lib/audit/types';

/** Server and client render the same text (no locale, no zone): no hydration mismatch. */
export const formatUtc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export const RESULT_BADGES: Record<AuditResult, { tone: Tone; label: string }> = {
  success: { tone: 'ok', label: 'Success' },
  failure: { tone: 'error', label: 'Failure' },
  denied: { tone: 'warn', label: 'Denied' },
};
