// @vitest-environment happy-dom
// The comparison page's body: counts, joiners, leavers and changes (from → to), bounded lists.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparisonView } from '@/components/snapshots/comparison-view';
import type { StoredComparison } from '@/lib/snapshots/snapshots';
import type { SnapshotRow } from '@/lib/snapshots/types';
import { meta } from './fixtures';

afterEach(cleanup);

const row = (id: string, name: string): SnapshotRow => ({
  id,
  name,
  email: `${id}@acme.example`,
  state: 'active',
  divisionId: 'd1',
  divisionName: 'Home',
  roles: [{ id: 'r1', name: 'employee' }],
});

function comparison(changes: Partial<StoredComparison> = {}): StoredComparison {
  return {
    from: meta({ total: 3 }),
    to: meta({ total: 3 }),
    sameFilter: true,
    limit: 500,
    counts: { joiners: 1, leavers: 1, changed: 1, unchanged: 1 },
    joiners: [row('u9', 'Zed Joiner')],
    leavers: [row('u2', 'Bob Leaver')],
    changed: [
      {
        id: 'u3',
        name: 'Cid Mover',
        email: 'u3@acme.example',
        changes: {
          state: { from: 'active', to: 'inactive' },
          division: { from: { id: 'd1', name: 'Home' }, to: { id: 'd2', name: 'EMEA' } },
          roles: { added: [{ id: 'r2', name: 'Supervisor' }], removed: [{ id: 'r1', name: 'employee' }] },
        },
      },
    ],
    ...changes,
  };
}

const section = (name: RegExp) => screen.getByRole('region', { name });

describe('ComparisonView', () => {
  it('shows the counts and who joined, left and changed, with before → after', () => {
    render(<ComparisonView comparison={comparison()} />);
    const counts = document.querySelector('dl')!;
    expect(
      [...counts.querySelectorAll('dt')].map((dt) => `${dt.textContent} ${dt.nextElementSibling?.textContent}`),
    ).toEqual(['Joiners 1', 'Leavers 1', 'Changed 1', 'Unchanged 1']);
    expect(within(section(/^Joiners/)).getByText('Zed Joiner')).toBeTruthy();
    expect(within(section(/^Leavers/)).getByText('Bob Leaver')).toBeTruthy();
    const change = section(/^Changed/).querySelector('tr[data-user-id="u3"]')!;
    const cells = [...change.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual([
      'Cid Moveru3@acme.example',
      'active → changed to inactive',
      'Home → changed to EMEA',
      'Supervisor',
      'employee',
    ]);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says when a list is cut to its limit, when nothing changed, and when the filters differ', () => {
    render(
      <ComparisonView
        comparison={comparison({
          from: meta({ filter: { state: 'active' } }),
          sameFilter: false,
          limit: 1,
          counts: { joiners: 1200, leavers: 0, changed: 0, unchanged: 5 },
          leavers: [],
          changed: [],
        })}
      />,
    );
    expect(within(section(/^Joiners/)).getByText('Showing the first 1 of 1,200, by name.')).toBeTruthy();
    expect(within(section(/^Leavers/)).getByText('Nobody left.')).toBeTruthy();
    expect(within(section(/^Changed/)).getByText('No state, division or role changed.')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('different filters');
  });
});
