import { AUDIT_ACTIONS } from '@/lib/audit/types';
import { AUDIT_RESULTS, type FilterValues } from '@/lib/audit-export/filters';
import styles from './audit.module.css';

interface TenantOption {
  tenantId: string;
  displayName: string;
}

interface Props {
  tenants: TenantOption[];
  values: FilterValues;
  /** "All my tenants", or for an admin "All tenants and portal events". */
  allTenantsLabel: string;
}

/**
 * A plain GET form: the filters land in the URL, so a view is shareable, survives a reload and
 * works without JavaScript. Keyed by the values, so browser back/forward shows the right ones.
 */
export function AuditFilterForm({ tenants, values, allTenantsLabel }: Props) {
  const unknownTenant = values.tenant && !tenants.some((t) => t.tenantId === values.tenant);
  return (
    <form
      method="get"
      action="/audit"
      className={styles.filters}
      aria-label="Audit log filters"
      key={JSON.stringify(values)}
    >
      <label>
        Tenant
        <select name="tenant" defaultValue={values.tenant ?? ''}>
          <option value="">{allTenantsLabel}</option>
          {tenants.map((tenant) => (
            <option key={tenant.tenantId} value={tenant.tenantId}>
              {tenant.displayName} ({tenant.tenantId})
            </option>
          ))}
          {unknownTenant ? <option value={values.tenant}>{values.tenant}</option> : null}
        </select>
      </label>
      <label>
        User
        <input
          name="user"
          type="text"
          defaultValue={values.user ?? ''}
          placeholder="email or user id"
          maxLength={200}
        />
      </label>
      <label>
        Action
        <select name="action" defaultValue={values.action ?? ''}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      <label>
        Result
        <select name="result" defaultValue={values.result ?? ''}>
          <option value="">Any result</option>
          {AUDIT_RESULTS.map((result) => (
            <option key={result} value={result}>
              {result}
            </option>
          ))}
        </select>
      </label>
      <label>
        From (UTC)
        <input name="from" type="datetime-local" step="1" defaultValue={values.from ?? ''} />
      </label>
      <label>
        To (UTC, not included)
        <input name="to" type="datetime-local" step="1" defaultValue={values.to ?? ''} />
      </label>
      <div className={styles.filterActions}>
        <button type="submit">Apply filters</button>
        <a href="/audit">Clear</a>
      </div>
    </form>
  );
}
