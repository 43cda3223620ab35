import type { Tone } from '@/components/ui/status-badge';
import type { AuditResult } from '@/lib/audit/types';

export const RESULT_BADGES: Record<AuditResult, { tone: Tone; label: string }> = {
  success: { tone: 'ok', label: 'Success' },
  failure: { tone: 'error', label: 'Failure' },
  denied: { tone: 'warn', label: 'Denied' },
};
