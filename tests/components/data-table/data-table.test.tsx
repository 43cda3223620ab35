// @vitest-environment happy-dom
// The wrapper renders a real <table>; above 50 rows only a window of rows is in the DOM (the
// rest are two spacer rows), and scrolling moves the window. react-virtual measures the scroll
// container's clientHeight, which happy-dom leaves at 0: it is set here to 360 px.
import { act, cleanup, render, screen } from '@testing-library/react';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataTable, ROW_HEIGHT } from '@/components/data-table/data-table';

interface Item {
  id: string;
  label: string;
}

const columns: ColumnDef<Item>[] = [
  { id: 'label', accessorKey: 'label', header: 'Label', meta: { label: 'Label' } },
  { id: 'id', accessorKey: 'id', header: 'Id', enableSorting: false, meta: { label: 'Id' } },
];

function Harness({ count, page = 1, pageSize = 100 }: { count: number; page?: number; pageSize?: number }) {
  const data = Array.from({ length: count }, (_, i) => ({ id: `item-${i}`, label: `Item ${i}` }));
  // eslint-disable-next-line react-hooks/incompatible-library -- a test harness; nothing is memoised
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    rowCount: 1000,
    state: { pagination: { pageIndex: page - 1, pageSize }, sorting: [{ id: 'label', desc: true }] },
  });
  return <DataTable table={table} label="Items" rowAttributes={(row) => ({ 'data-item-id': row.id })} />;
}

const VIEWPORT = 360;
const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'region' ? VIEWPORT : 0;
    },
  });
});
afterAll(() => {
  if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
});
afterEach(cleanup);

const itemRows = () => [...document.querySelectorAll<HTMLTableRowElement>('tr[data-item-id]')];
const spacers = () => [...document.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-hidden="true"]')];

describe('DataTable', () => {
  it('renders every row of a small page, with no spacer', () => {
    render(<Harness count={50} />);
    expect(itemRows()).toHaveLength(50);
    expect(spacers()).toHaveLength(0);
    expect(screen.getByRole('table', { name: 'Items' }).getAttribute('data-virtualized')).toBe('false');
  });

  it('renders only a window of a 100-row page, keeping the table and its row positions', () => {
    render(<Harness count={100} page={3} />);
    const rendered = itemRows();
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]!.getAttribute('data-item-id')).toBe('item-0');
    // Positions in the whole list (page 3 of 100 rows: the first is row 201; the header is 1).
    expect(rendered[0]!.getAttribute('aria-rowindex')).toBe('202');
    const table = screen.getByRole('table', { name: 'Items' });
    expect(table.getAttribute('aria-rowcount')).toBe('1001');
    expect(table.getAttribute('data-virtualized')).toBe('true');
    // What is not rendered is still there as height, so the scrollbar is the whole page's.
    const [after] = spacers();
    expect(parseFloat(after!.style.height)).toBe((100 - rendered.length) * ROW_HEIGHT);
  });

  it('moves the window when the region scrolls', async () => {
    render(<Harness count={100} />);
    const region = screen.getByRole('region', { name: 'Items (scrollable)' });
    expect(region.tabIndex).toBe(0); // keyboard users scroll it with the arrow and page keys
    await act(async () => {
      region.scrollTop = 60 * ROW_HEIGHT;
      region.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const ids = itemRows().map((row) => Number(row.getAttribute('data-item-id')!.slice(5)));
    expect(ids).toContain(60);
    expect(ids).not.toContain(0);
    expect(ids.length).toBeLessThan(40);
    const [before] = spacers();
    expect(parseFloat(before!.style.height)).toBe(ids[0]! * ROW_HEIGHT);
  });

  it('marks the sorted header, makes sortable headers buttons and leaves the others plain', () => {
    render(<Harness count={3} />);
    const [label, id] = screen.getAllByRole('columnheader');
    expect(label!.getAttribute('aria-sort')).toBe('descending');
    expect(label!.querySelector('button')).not.toBeNull();
    expect(id!.querySelector('button')).toBeNull();
    expect(id!.getAttribute('aria-sort')).toBeNull();
  });
});
