import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import type { CredentialHealth } from '@/lib/credentials/types';

export const HEALTH_LABELS: Record<CredentialHealth, { tone: Tone; word: string }> = {
  healthy: { tone: 'ok', word: 'Healthy' },
  attention: { tone: 'warn', word: 'Needs attention' },
  failing: { tone: 'error', word: 'Failing' },
  unused: { tone: 'muted', word: 'Not used yet' },
};

export function HealthBadge({ health }: { health: CredentialHealth }) {
  const { tone, word } = HEALTH_LABELS[health];
  return <StatusBadge tone={tone}>{word}</StatusBadge>;
}
