'use client';

import { useState } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AuditEntry } from '@/lib/audit/types';
import { formatUtc } from '@/lib/format-time';
import { RESULT_BADGES } from './audit-format';
import { EntryDiff } from './entry-diff';
import styles from './audit.module.css';

export const AUDIT_COLUMNS = 8;

const hasDetails = (entry: AuditEntry) => entry.details !== undefined && Object.keys(entry.details).length > 0;

/**
 * One audit entry as a table row, and, for an entry with before/after or details, a second row
 * with its field-level diff behind a disclosure button. The diff is only computed once opened.
 * Tenant-less entries (a failed login) carry no data-tenant-id: they belong to no tenant.
 */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const hasChange = entry.before !== undefined || entry.after !== undefined;
  const expandable = hasChange || hasDetails(entry);
  const detailId = `audit-entry-${entry.id}`;
  const tenant = entry.tenantId === null ? {} : { 'data-tenant-id': entry.tenantId };
  // To the second: an entry is matched against logs and upstream correlation ids.
  const when = formatUtc(Date.parse(entry.time), { seconds: true });
  const badge = RESULT_BADGES[entry.result];
  return (
    <>
      <tr {...tenant}>
        <td className={styles.toggleCell}>
          {expandable ? (
            <button
              type="button"
              className={styles.toggle}
              aria-expanded={open}
              aria-controls={detailId}
              onClick={() => setOpen(!open)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
              <span className="sr-only">
                Changes of {entry.action} at {when}
              </span>
            </button>
          ) : null}
        </td>
        <td>
          <time dateTime={entry.time}>{when}</time>
        </td>
        <td>
          {entry.userEmail ?? entry.userId ?? <span className="muted">unknown</span>}
          {entry.userEmail && entry.userId ? <div className="muted">{entry.userId}</div> : null}
        </td>
        <td>{entry.role ?? <span className="muted">—</span>}</td>
        <td>{entry.tenantId ?? <span className="muted">portal</span>}</td>
        <td>
          <code>{entry.action}</code>
        </td>
        <td>
          <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
        </td>
        <td>
          <code className={styles.requestId}>{entry.requestId}</code>
        </td>
      </tr>
      {expandable ? (
        <tr id={detailId} hidden={!open} className={styles.detailRow} {...tenant}>
          <td colSpan={AUDIT_COLUMNS}>
            {open ? (
              <EntryDetail entry={entry} hasChange={hasChange} label={`Changes of ${entry.action} at ${when}`} />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EntryDetail({ entry, hasChange, label }: { entry: AuditEntry; hasChange: boolean; label: string }) {
  return (
    <div className={styles.detail}>
      {hasChange ? <EntryDiff before={entry.before} after={entry.after} label={label} /> : null}
      {entry.details && hasDetails(entry) ? (
        <dl className={styles.details}>
          {Object.entries(entry.details).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>
                <code>{JSON.stringify(value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {entry.correlationId ? (
        <p className="muted">
          Genesys correlation id: <code>{entry.correlationId}</code>
        </p>
      ) : null}
    </div>
  );
}
