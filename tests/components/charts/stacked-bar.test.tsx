// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { StackedBar } from '@/components/charts/stacked-bar';

afterEach(cleanup);

describe('StackedBar', () => {
  it('splits the bar by share, segments side by side, and tabulates counts and shares', () => {
    const { container } = render(
      <StackedBar
        title="Users by state"
        unit="Users"
        categoryLabel="State"
        segments={[
          { label: 'Active', value: 150 },
          { label: 'Inactive', value: 40 },
          { label: 'Deleted', value: 10 },
        ]}
      />,
    );
    const rects = [...container.querySelectorAll('rect')].filter((r) => r.closest('svg[role="img"]'));
    expect(rects.map((r) => [r.getAttribute('x'), r.getAttribute('width')])).toEqual([
      ['0%', '75%'],
      ['75%', '20%'],
      ['95%', '5%'],
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Users by state, 200 in total: Active 150 (75%), Inactive 40 (20%), Deleted 10 (5%).',
    );
    const table = screen.getByRole('table', { name: 'Users by state' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent?.trim());
    expect(rows).toEqual(['Active15075%', 'Inactive4020%', 'Deleted105%']);
  });

  it('keeps a zero part in the table but draws no segment for it', () => {
    const { container } = render(
      <StackedBar
        title="T"
        segments={[
          { label: 'Active', value: 4 },
          { label: 'Deleted', value: 0 },
        ]}
      />,
    );
    const svg = container.querySelector('svg[role="img"]')!;
    expect([...svg.querySelectorAll('rect')].map((r) => r.getAttribute('width'))).toEqual(['100%']);
    expect(screen.getByRole('row', { name: /Deleted/ }).textContent).toContain('0%');
  });

  it('shows the empty text when the whole is zero', () => {
    render(<StackedBar title="T" segments={[{ label: 'Active', value: 0 }]} emptyText="No users." />);
    expect(screen.getByText('No users.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
