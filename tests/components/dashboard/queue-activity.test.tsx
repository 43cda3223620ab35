// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueActivity } from '@/components/dashboard/queue-activity';
import type { ConversationActivity } from '@/lib/dashboard/types';

afterEach(cleanup);

const activity: ConversationActivity = {
  interval: '2026-03-03T15:30:00.000Z/2026-03-04T15:30:00.000Z',
  rows: [
    { queueId: 'q1', name: 'Sales', offered: 1200, handled: 1100, averageHandleMs: 372_000 },
    { queueId: '0badc0de-dead-beef', name: null, offered: 8, handled: 0, averageHandleMs: null },
  ],
  activeQueues: 14,
  totalQueues: 20,
  totals: { offered: 2000, handled: 1800, averageHandleMs: 360_000 },
};

describe('QueueActivity', () => {
  it('summarises the day, draws offered vs handled and tabulates the rows with handle times', () => {
    render(<QueueActivity activity={activity} />);
    expect(screen.getByText(/offered, .* handled/).textContent).toBe(
      '2,000 offered, 1,800 handled, average handle time 6 min across 14 active queues of 20. The 2 busiest are shown.',
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Sales: offered 1,200, handled 1,100');
    const table = screen.getByRole('table', { name: 'Conversation activity per queue, last 24 hours' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Queue', 'Offered', 'Handled', 'Avg. handle time'],
      ['Sales', '1,200', '1,100', '6 min 12 s'],
      ['Deleted queue 0badc0de', '8', '0', '—'],
    ]);
    expect(screen.getAllByRole('table')).toHaveLength(1); // the chart's own hidden table is off
  });

  it('says when nothing reached a queue', () => {
    render(<QueueActivity activity={{ ...activity, rows: [], activeQueues: 0 }} />);
    expect(screen.getByText('No conversations reached a queue in the last 24 hours.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
