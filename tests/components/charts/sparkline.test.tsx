// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sparkline } from '@/components/charts/sparkline';

afterEach(cleanup);

const polyline = (container: HTMLElement) => container.querySelector('polyline')?.getAttribute('points');

describe('Sparkline', () => {
  it('scales the line to the limit when every value is below it, and draws the limit at the top', () => {
    const { container } = render(
      <Sparkline title="Requests" values={[0, 150, 300]} labels={['a', 'b', 'c']} limit={300} height={60} />,
    );
    expect(polyline(container)).toBe('0,60 50,30 100,0');
    const lines = [...container.querySelectorAll('line')];
    expect(lines.map((l) => l.getAttribute('y1'))).toEqual(['60', '0']); // axis, then limit
    expect(screen.getByText('limit 300')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Requests: latest 300, highest 300, limit 300.');
  });

  it('raises the axis above the limit when a value exceeds it, keeping the line in the box', () => {
    const { container } = render(
      <Sparkline title="R" values={[600, 0]} labels={['a', 'b']} limit={300} height={60} limitLabel="limit 300/min" />,
    );
    expect(polyline(container)).toBe('0,0 100,60');
    expect([...container.querySelectorAll('line')][1]?.getAttribute('y1')).toBe('30');
    expect(screen.getByText('limit 300/min')).toBeTruthy();
  });

  it('has a data table with one row per value', () => {
    render(
      <Sparkline
        title="R"
        values={[1, 2500]}
        labels={['1 min earlier', 'Last minute']}
        categoryLabel="Minute"
        valueLabel="Requests"
      />,
    );
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['MinuteRequests', '1 min earlier1', 'Last minute2,500']);
  });

  it('draws a flat line at the bottom for all-zero data, without a limit (zero max)', () => {
    const { container } = render(<Sparkline title="R" values={[0, 0, 0]} labels={['a', 'b', 'c']} height={40} />);
    expect(polyline(container)).toBe('0,40 50,40 100,40');
    expect(container.innerHTML).not.toContain('NaN');
  });

  it('says so when there is no data', () => {
    render(<Sparkline title="R" values={[]} labels={[]} emptyText="Nothing measured yet." />);
    expect(screen.getByText('Nothing measured yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
