import { formatCount } from '@/components/charts/scale';
import { EmptyState } from '@/components/ui/empty-state';
import { formatUtc } from '@/lib/format-time';
import type { SnapshotChange } from '@/lib/snapshots/compare';
import type { StoredComparison } from '@/lib/snapshots/snapshots';
import type { SnapshotMeta, SnapshotRole, SnapshotRow } from '@/lib/snapshots/types';
import { describeFilter, usersText } from './snapshot-format';
import styles from './snapshots.module.css';

const roleNames = (roles: SnapshotRole[]) => roles.map((role) => role.name || role.id).join(', ') || '—';
const taken = (snapshot: SnapshotMeta) => formatUtc(Date.parse(snapshot.createdAt));

function Shown({ shown, count }: { shown: number; count: number }) {
  return shown < count ? (
    <p className="muted">
      Showing the first {formatCount(shown)} of {formatCount(count)}, by name.
    </p>
  ) : null;
}

function UserTable({ caption, rows }: { caption: string; rows: SnapshotRow[] }) {
  return (
    <table className="data">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">State</th>
          <th scope="col">Division</th>
          <th scope="col">Roles</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-user-id={row.id}>
            <td>{row.name}</td>
            <td>{row.email}</td>
            <td>{row.state}</td>
            <td>{row.divisionName || row.divisionId}</td>
            <td>{roleNames(row.roles)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "active → inactive" on screen; "active changed to inactive" to a screen reader. */
function Before({ from, to }: { from: string; to: string }) {
  return (
    <>
      <del>{from}</del> <span aria-hidden="true">{'→ '}</span>
      <span className="sr-only">{'changed to '}</span>
      <ins>{to}</ins>
    </>
  );
}

function ChangeTable({ changes }: { changes: SnapshotChange[] }) {
  return (
    <table className="data">
      <caption className="sr-only">Users whose state, division or roles changed</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Division</th>
          <th scope="col">Roles added</th>
          <th scope="col">Roles removed</th>
        </tr>
      </thead>
      <tbody>
        {changes.map(({ id, name, email, changes: change }) => (
          <tr key={id} data-user-id={id}>
            <td>
              {name}
              <div className="muted">{email}</div>
            </td>
            <td>{change.state ? <Before from={change.state.from} to={change.state.to} /> : '—'}</td>
            <td>
              {change.division ? (
                <Before
                  from={change.division.from.name || change.division.from.id}
                  to={change.division.to.name || change.division.to.id}
                />
              ) : (
                '—'
              )}
            </td>
            <td>{change.roles?.added.length ? roleNames(change.roles.added) : '—'}</td>
            <td>{change.roles?.removed.length ? roleNames(change.roles.removed) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two snapshots side by side: counts first, then who joined, who left, and what changed. */
export function ComparisonView({ comparison }: { comparison: StoredComparison }) {
  const { from, to, counts } = comparison;
  const sections = [
    { key: 'joiners', title: 'Joiners', count: counts.joiners, empty: 'Nobody joined.' },
    { key: 'leavers', title: 'Leavers', count: counts.leavers, empty: 'Nobody left.' },
    { key: 'changed', title: 'Changed', count: counts.changed, empty: 'No state, division or role changed.' },
  ] as const;
  return (
    <div className={styles.root}>
      <p>
        From <strong>{taken(from)}</strong> ({usersText(from.total)},{' '}
        {describeFilter(from.filter, from.filterDivisionName)}) to <strong>{taken(to)}</strong> ({usersText(to.total)},{' '}
        {describeFilter(to.filter, to.filterDivisionName)}).
      </p>
      {comparison.sameFilter ? null : (
        <p className="notice" role="note">
          The two snapshots were taken with different filters: a joiner or leaver may have entered or left the filter
          rather than the tenant.
        </p>
      )}
      <dl className={styles.counts}>
        {sections.map((section) => (
          <div key={section.key}>
            <dt>{section.title}</dt>
            <dd>{formatCount(section.count)}</dd>
          </div>
        ))}
        <div>
          <dt>Unchanged</dt>
          <dd>{formatCount(counts.unchanged)}</dd>
        </div>
      </dl>
      {sections.map((section) => (
        <section key={section.key} className="panel panel-wide" aria-labelledby={`${section.key}-title`}>
          <header className="panel-header">
            <h2 id={`${section.key}-title`}>
              {section.title} ({formatCount(section.count)})
            </h2>
          </header>
          {section.count === 0 ? <EmptyState title={section.empty} /> : null}
          {section.key === 'changed' && section.count > 0 ? <ChangeTable changes={comparison.changed} /> : null}
          {section.key !== 'changed' && section.count > 0 ? (
            <UserTable caption={section.title} rows={comparison[section.key]} />
          ) : null}
          <Shown
            shown={section.key === 'changed' ? comparison.changed.length : comparison[section.key].length}
            count={section.count}
          />
        </section>
      ))}
    </div>
  );
}
