import type { Tone } from '@/components/ui/status-badge';
import type { RotateActionState } from '@/lib/credentials/types';
import { formatRelative, formatUtc } from '@/lib/format-time';

export interface RotationMessage {
  tone: Tone;
  title: string;
  lines: string[];
  requestId: string;
}

function rereadLine(state: { clientIdChanged: boolean; secretChanged: boolean }): string {
  if (state.clientIdChanged) return 'Credentials re-read: a different OAuth client is configured now.';
  if (state.secretChanged) return 'Credentials re-read: the client secret changed.';
  return 'Credentials re-read: unchanged since the last read.';
}

function describeOutcome(state: Extract<RotateActionState, { status: 'done' }>): Omit<RotationMessage, 'requestId'> {
  if (state.failure) {
    const lines = state.tokenEvicted ? [state.failure.message, 'The token was evicted.'] : [state.failure.message];
    return { tone: 'error', title: 'Rotation failed', lines };
  }
  const lines = [rereadLine(state)];
  if (state.token?.ok) {
    const { expiresAt } = state.token;
    lines.push(
      `Token evicted; a new token is valid until ${formatUtc(expiresAt)} (${formatRelative(expiresAt, state.at)}).`,
    );
    return { tone: 'ok', title: 'Rotated', lines };
  }
  lines.push('Token evicted.');
  if (state.token) lines.push(`A new token could not be had: ${state.token.message} (${state.token.code}).`);
  return { tone: 'error', title: 'Rotated, but no new token', lines };
}

/** What the operator reads after "Rotate now"; null before the first attempt. */
export function describeRotation(state: RotateActionState): RotationMessage | null {
  if (state.status === 'idle') return null;
  const { requestId } = state;
  if (state.status === 'refused') return { tone: 'error', title: 'Not rotated', lines: [state.message], requestId };
  const described = describeOutcome(state);
  if (!state.auditFailed) return { ...described, requestId };
  // The outcome above is what happened; the missing audit entry is a second problem to report.
  const unaudited = state.tokenEvicted
    ? 'The rotation happened but could not be recorded in the audit log: tell an administrator, quoting the request id.'
    : 'This attempt could not be recorded in the audit log: tell an administrator, quoting the request id.';
  return { ...described, tone: 'error', lines: [...described.lines, unaudited], requestId };
}
