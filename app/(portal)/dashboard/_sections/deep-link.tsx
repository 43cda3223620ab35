import { ConfirmSwitch } from '@/components/portal/confirm-switch';
import { toPublicTenant, type Tenant } from '@/lib/tenants';

/**
 * `?tenant=<id>` never switches by itself (a GET changes nothing): a granted tenant gets the
 * confirm dialog, anything else one notice that names nothing of that tenant.
 */
export function DeepLink({
  requested,
  active,
  action,
}: {
  requested: Tenant | undefined;
  active: Tenant | null;
  action: (form: FormData) => Promise<void>;
}) {
  if (!requested) {
    return (
      <p className="notice error" role="alert">
        The tenant in this link is not available to you.
      </p>
    );
  }
  return (
    <ConfirmSwitch
      tenant={toPublicTenant(requested)}
      current={active ? toPublicTenant(active) : null}
      action={action}
    />
  );
}
