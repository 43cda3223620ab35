// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, describeBars } from '@/components/charts/bar-chart';

// Rendered as the server would (static markup), read back with happy-dom's DOMParser.
const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

// The bars only: the legend's swatches are rects too.
const rects = (doc: Document) => [...doc.querySelectorAll('svg[role="img"] rect')].map((r) => r.getAttribute('width'));

describe('BarChart', () => {
  it('draws each bar proportional to the largest value, with its value written out', () => {
    const doc = parse(
      renderToStaticMarkup(
        <BarChart
          title="Conversations"
          series={['Offered', 'Handled']}
          groups={[
            { label: 'Sales', values: [200, 100] },
            { label: 'Support', values: [50, 0] },
          ]}
        />,
      ),
    );
    // 56% of the width is the bar area: 200 → 56%, 100 → 28%, 50 → 14%; a zero draws no rect.
    expect(rects(doc)).toEqual(['56%', '28%', '14%']);
    const values = [...doc.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(values).toEqual(['Sales', '200', '100', 'Support', '50', '0']);
    const svg = doc.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Conversations. Sales: offered 200, handled 100; Support: offered 50, handled 0.',
    );
  });

  it('renders a screen-reader table of the same numbers unless told not to', () => {
    const groups = [{ label: 'Sales', values: [1234, 1000] }];
    const withTable = parse(
      renderToStaticMarkup(
        <BarChart title="T" series={['Offered', 'Handled']} groups={groups} categoryLabel="Queue" />,
      ),
    );
    const table = withTable.querySelector('table.sr-only');
    expect([...table!.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).toEqual([
      'Queue',
      'Offered',
      'Handled',
    ]);
    expect([...table!.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['1,234', '1,000']);
    const without = parse(renderToStaticMarkup(<BarChart title="T" series={['A']} groups={groups} table={false} />));
    expect(without.querySelector('table')).toBeNull();
  });

  it('shows the empty text and no chart for no data', () => {
    const doc = parse(
      renderToStaticMarkup(<BarChart title="T" series={['A']} groups={[]} emptyText="Nothing today." />),
    );
    expect(doc.querySelector('svg')).toBeNull();
    expect(doc.body.textContent).toBe('Nothing today.');
    expect(describeBars('T', ['A'], [])).toBe('T: no data.');
  });

  it('draws nothing broken when every value is zero (zero max)', () => {
    const html = renderToStaticMarkup(
      <BarChart title="T" series={['A', 'B']} groups={[{ label: 'Q', values: [0, 0] }]} />,
    );
    expect(html).not.toContain('NaN');
    expect(rects(parse(html))).toEqual([]);
  });

  it('truncates a long label and keeps the full name as its title', () => {
    const long = 'Technical Support - Americas 2 (overflow)';
    const doc = parse(
      renderToStaticMarkup(
        <BarChart title="T" series={['A']} groups={[{ label: long, values: [3] }]} maxLabelChars={16} />,
      ),
    );
    const label = doc.querySelector('svg text');
    expect(label?.querySelector('title')?.textContent).toBe(long);
    expect(label?.textContent).toBe(`${long}Technical Suppo…`);
    // The accessible description and the table always carry the whole name.
    expect(doc.querySelector('svg')?.getAttribute('aria-label')).toContain(long);
    expect(doc.querySelector('tbody th')?.textContent).toBe(long);
  });
});
