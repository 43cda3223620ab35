import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { EnvironmentTag } from '@/components/tenants/environment-tag';

interface Props {
  tenant: PublicTenant;
  current: PublicTenant | null;
  action: (form: FormData) => Promise<void>;
}

export function ConfirmSwitch({ tenant, current, action }: Props) {
  return (
    <section className="notice" role="dialog" aria-labelledby="confirm-switch-title">
      <h2 id="confirm-switch-title">Switch tenant?</h2>
      <p>
        This link opens <strong>{tenant.displayName}</strong> ({tenant.region}){' '}
        <EnvironmentTag environment={tenant.environment} />
        {current ? (
          <>
            {' '}
            instead of <strong>{current.displayName}</strong>
          </>
        ) : null}
        .
      </p>
      <form action={action}>
        <input type="hidden" name="tenantId" value={tenant.tenantId} />
        <button type="submit">Switch to {tenant.displayName}</button>
      </form>
    </section>
  );
}
