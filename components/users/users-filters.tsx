'use client';

import { useId } from 'react';
import type { DivisionList } from '@/lib/users/user-row';
import { USER_STATES, type UserFilter, type UserState } from '@/lib/users/user-view';
import { SearchBox } from './search-box';
import styles from './users.module.css';

const STATE_LABELS: Readonly<Record<UserState, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  deleted: 'Deleted',
};

/** Search, state and division: every change is a new filter (the table goes back to page 1). */
export function UsersFilters({
  filter,
  divisions,
  onChange,
}: {
  filter: UserFilter;
  divisions: DivisionList;
  onChange: (patch: Partial<UserFilter>) => void;
}) {
  const stateId = useId();
  const divisionId = useId();
  const known = divisions.ok && divisions.divisions.some((d) => d.id === filter.division);
  return (
    <form role="search" aria-label="Filter users" className={styles.filters} onSubmit={(e) => e.preventDefault()}>
      <SearchBox value={filter.q} onCommit={(q) => onChange({ q })} />
      <label htmlFor={stateId}>
        State
        <select
          id={stateId}
          value={filter.state ?? ''}
          onChange={(event) => onChange({ state: (event.target.value || undefined) as UserState | undefined })}
        >
          <option value="">Active and inactive</option>
          {USER_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={divisionId}>
        Division
        <select
          id={divisionId}
          value={filter.division ?? ''}
          disabled={!divisions.ok && !filter.division}
          title={divisions.ok ? undefined : divisions.message}
          onChange={(event) => onChange({ division: event.target.value || undefined })}
        >
          <option value="">All divisions</option>
          {filter.division && !known ? (
            <option value={filter.division}>Division {filter.division.slice(0, 8)}…</option>
          ) : null}
          {divisions.ok
            ? divisions.divisions.map((division) => (
                <option key={division.id} value={division.id}>
                  {division.name}
                </option>
              ))
            : null}
        </select>
      </label>
    </form>
  );
}
