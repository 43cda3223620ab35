'use client';

import type { Column, RowData, Table } from '@tanstack/react-table';
import { useLayoutEffect, useRef } from 'react';
import { columnLabel, moveColumn } from './column-label';
import styles from './data-table.module.css';

/**
 * Which columns show, and in what order: a checkbox per column and "move left / right" buttons
 * (keyboard first; focus stays on the button pressed as its row moves). At least one column
 * always stays visible.
 */
export function ColumnMenu<T extends RowData>({ table, onReset }: { table: Table<T>; onReset: () => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<string | null>(null);
  const all = table.getAllLeafColumns();
  const byId = new Map(all.map((column) => [column.id, column]));
  const order = table.getState().columnOrder;
  const columns = [...order.flatMap((id) => byId.get(id) ?? []), ...all.filter((column) => !order.includes(column.id))];
  const visible = new Set(columns.filter((column) => column.getIsVisible()).map((column) => column.id));
  const shown = columns.filter((column) => visible.has(column.id));

  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-move]') ?? [])];
    const [id] = wanted.split(':');
    // At an edge the pressed button is disabled now: the other direction of the same column.
    const target =
      buttons.find((b) => b.dataset.move === wanted && !b.disabled) ??
      buttons.find((b) => b.dataset.move?.startsWith(`${id}:`) && !b.disabled);
    target?.focus();
  });

  const move = (column: Column<T, unknown>, step: -1 | 1) => {
    refocus.current = `${column.id}:${step}`;
    table.setColumnOrder(
      moveColumn(
        columns.map((c) => c.id),
        visible,
        column.id,
        step,
      ),
    );
  };

  return (
    <details className={styles.menu}>
      <summary>Columns</summary>
      <div className={styles.menuPanel}>
        <fieldset>
          <legend className="sr-only">Columns shown, in order</legend>
          <ol ref={listRef} className={styles.menuList}>
            {columns.map((column) => {
              const label = columnLabel(column);
              const isVisible = visible.has(column.id);
              const position = shown.indexOf(column);
              return (
                <li key={column.id} className={styles.menuItem}>
                  <label>
                    <input
                      type="checkbox"
                      checked={isVisible}
                      disabled={isVisible && shown.length === 1}
                      onChange={column.getToggleVisibilityHandler()}
                    />
                    {label}
                  </label>
                  <button
                    type="button"
                    data-move={`${column.id}:-1`}
                    aria-label={`Move ${label} left`}
                    disabled={!isVisible || position === 0}
                    onClick={() => move(column, -1)}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    data-move={`${column.id}:1`}
                    aria-label={`Move ${label} right`}
                    disabled={!isVisible || position === shown.length - 1}
                    onClick={() => move(column, 1)}
                  >
                    →
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>
        <button type="button" onClick={onReset}>
          Reset columns
        </button>
      </div>
    </details>
  );
}
