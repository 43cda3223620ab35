import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import type { BreakerState } from '@/lib/credentials/types';

export const BREAKER: Record<BreakerState, { tone: Tone; word: string; meaning: string }> = {
  closed: {
    tone: 'ok',
    word: 'Closed',
    meaning: 'The source answers; credentials are re-read on every refresh.',
  },
  open: {
    tone: 'error',
    word: 'Open',
    meaning:
      'The source failed repeatedly. The portal has stopped asking it for a while and uses the last valid tenant list.',
  },
  'half-open': {
    tone: 'warn',
    word: 'Half-open',
    meaning: 'The portal is trying the source again; the next read decides whether it recovers.',
  },
};

export function BreakerBadge({ state }: { state: BreakerState }) {
  const { tone, word, meaning } = BREAKER[state];
  return (
    <StatusBadge tone={tone} title={meaning}>
      {`Breaker ${word.toLowerCase()}`}
    </StatusBadge>
  );
}
