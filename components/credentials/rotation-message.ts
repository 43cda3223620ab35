import type { Tone } from '@/components/ui/status-badge';
import { formatAbsolute, formatRelative } from '@/lib/credentials/format';
import type { RotateActionState } from '@/lib/credentials/types';

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

/** What the operator reads after "Rotate now"; null before the first attempt. */
export function describeRotation(state: RotateActionState): RotationMessage | null {
  if (state.status === 'idle') return null;
  const { requestId } = state;
  if (state.status === 'refused') return { tone: 'error', title: 'Not rotated', lines: [state.message], requestId };
  if (state.failure) {
    const lines = state.tokenEvicted ? [state.failure.message, 'The token was evicted.'] : [state.failure.message];
    return { tone: 'error', title: 'Rotation failed', lines, requestId };
  }
  const lines = [rereadLine(state)];
  if (state.token?.ok) {
    const { expiresAt } = state.token;
    lines.push(
      `Token evicted; a new token is valid until ${formatAbsolute(expiresAt)} (${formatRelative(expiresAt, state.at)}).`,
    );
    return { tone: 'ok', title: 'Rotated', lines, requestId };
  }
  lines.push('Token evicted.');
  if (state.token) lines.push(`A new token could not be had: ${state.token.message} (${state.token.code}).`);
  return { tone: 'error', title: 'Rotated, but no new token', lines, requestId };
}
