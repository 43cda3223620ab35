// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { redirect } from 'next/navigation';
import { Component, useEffect, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveTenantProvider, useActiveTenant, type ActiveTenant } from '@/components/portal/active-tenant';
import { preferencesKey } from '@/components/tenant-switcher/tenant-preferences';
import { TenantSwitcher } from '@/components/tenant-switcher/tenant-switcher';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { manyTenants, tenant } from './fixtures';

const acme = tenant({
  tenantId: 'acme-prod',
  displayName: 'Acme Production',
  group: 'Retail',
  environment: 'production',
});
const pacific = tenant({ tenantId: 'pacific', displayName: 'Pacific Care', group: 'Retail' });
const societe = tenant({ tenantId: 'sg-fr', displayName: 'Société Générale', group: 'Banking' });
const zeta = tenant({ tenantId: 'zeta', displayName: 'Zeta Labs' });
const all = [acme, pacific, societe, zeta];

const probe: { context: ActiveTenant | null } = { context: null };
function Probe() {
  const context = useActiveTenant();
  useEffect(() => {
    probe.context = context;
  });
  return <span data-testid="switching-to">{context.switchingTo ?? ''}</span>;
}

// Next's RedirectBoundary stands here in the app: it swallows the redirect a successful switch throws.
class Boundary extends Component<{ children: ReactNode }, { caught: unknown }> {
  override state = { caught: null as unknown };
  static getDerivedStateFromError(caught: unknown) {
    return { caught };
  }
  override render() {
    return this.state.caught ? <p>boundary caught</p> : this.props.children;
  }
}

let userId: string;
// React entangles every pending async transition: an action left pending would keep the next
// test's transition pending too, so the default "still switching" action is settled after each test.
let settlePending: (() => void)[] = [];
const pendingAction = () =>
  new Promise<void>((resolve) => {
    settlePending.push(resolve);
  });

function setup(options: { tenants?: PublicTenant[]; action?: (form: FormData) => Promise<void> } = {}) {
  const action = vi.fn(options.action ?? pendingAction);
  const user = userEvent.setup();
  render(
    <ActiveTenantProvider activeTenantId="acme-prod">
      <Probe />
      <Boundary>
        <TenantSwitcher tenants={options.tenants ?? all} activeTenantId="acme-prod" action={action} userId={userId} />
      </Boundary>
    </ActiveTenantProvider>,
  );
  return { user, action, trigger: screen.getByRole('button', { name: 'Switch tenant (Ctrl+K)' }) };
}

const pressCtrlK = (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Control>}k{/Control}');
const optionIds = () => screen.getAllByRole('option').map((option) => option.dataset.tenantOption);
const groupOf = (tenantId: string) =>
  document.querySelector(`[data-tenant-option="${tenantId}"]`)?.closest('[role="group"]')?.getAttribute('aria-label');
const activeOption = () => {
  const id = screen.getByRole('combobox').getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.dataset.tenantOption : undefined;
};

beforeEach(() => {
  userId = crypto.randomUUID(); // the preference store is per user: a fresh one per test
});
afterEach(() => {
  for (const settle of settlePending) settle();
  settlePending = [];
  cleanup();
  localStorage.clear();
});

describe('TenantSwitcher', () => {
  it('opens on Ctrl+K and ⌘K from anywhere, preventing the browser shortcut, and focuses the search', async () => {
    const { user, trigger } = setup();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('Ctrl K')).toBeTruthy();

    const event = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    const combobox = screen.getByRole('combobox', { name: 'Search tenants' });
    await waitFor(() => expect(document.activeElement).toBe(combobox));
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(combobox.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);

    await user.keyboard('{Escape}');
    await user.keyboard('{Meta>}k{/Meta}');
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
  });

  it('groups options and marks the active tenant and production', async () => {
    const { user } = setup();
    await pressCtrlK(user);
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual([
      'Banking',
      'Retail',
      'Other',
    ]);
    expect(optionIds()).toEqual(['sg-fr', 'acme-prod', 'pacific', 'zeta']);
    const current = screen.getByRole('option', { current: true });
    expect(current.dataset.tenantOption).toBe('acme-prod');
    expect(within(current).getByText('Active')).toBeTruthy();
    expect(within(current).getByText('production').className).toContain('production');
  });

  it('filters as you type (accent-insensitive) and says how many match', async () => {
    const { user } = setup();
    await pressCtrlK(user);
    await user.keyboard('societe');
    expect(optionIds()).toEqual(['sg-fr']);
    expect(screen.getByText('1 tenant matches.')).toBeTruthy();
    await user.clear(screen.getByRole('combobox'));
    await user.keyboard('nothing-like-this');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No tenant matches “nothing-like-this”.')).toBeTruthy();
  });

  it('moves with arrows, Home and End, and switches on Enter with progress', async () => {
    const { user, action, trigger } = setup();
    await pressCtrlK(user);
    expect(activeOption()).toBe('sg-fr');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toBe('zeta'); // wraps
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}');
    expect(activeOption()).toBe('pacific');
    expect(screen.getByRole('option', { selected: true }).dataset.tenantOption).toBe('pacific');
    await user.keyboard('{End}{ArrowUp}');
    expect(activeOption()).toBe('pacific');

    const before = probe.context?.signal();
    expect(before?.aborted).toBe(false);
    await user.keyboard('{Enter}');
    expect(action).toHaveBeenCalledTimes(1);
    const form = action.mock.calls[0]?.[0];
    expect(form?.get('tenantId')).toBe('pacific');
    expect(before?.aborted).toBe(true); // beginSwitch aborted the old tenant's requests
    expect(screen.getByTestId('switching-to').textContent).toBe('pacific');
    expect(screen.getByRole('status').textContent).toContain('Switching to Pacific Care…');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(trigger.getAttribute('aria-disabled')).toBe('true');

    await pressCtrlK(user); // ignored while switching
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches on click and records the tenant as recent', async () => {
    const { user, action } = setup({ action: () => Promise.resolve() });
    await user.click(screen.getByRole('button', { name: /switch tenant/i }));
    await user.click(screen.getByRole('option', { name: /Zeta Labs/ }));
    expect(action.mock.calls[0]?.[0].get('tenantId')).toBe('zeta');
    // This action resolved without redirecting: nothing switched, so the switch is cancelled.
    await waitFor(() => expect(screen.getByTestId('switching-to').textContent).toBe(''));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /switch tenant/i }).getAttribute('aria-disabled')).toBeNull(),
    );

    await pressCtrlK(user);
    expect(groupOf('zeta')).toBe('Recent');
    expect(JSON.parse(localStorage.getItem(preferencesKey(userId)) ?? '{}')).toMatchObject({ recents: ['zeta'] });
  });

  it('closes on Escape and returns focus to the trigger', async () => {
    const { user, trigger } = setup();
    await pressCtrlK(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on a click outside', async () => {
    const { user } = setup();
    await pressCtrlK(user);
    await user.click(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('toggles a favourite with Ctrl+D or the star, moving it into Favourites and keeping it', async () => {
    const { user } = setup();
    await pressCtrlK(user);
    await user.keyboard('{End}'); // zeta
    await user.keyboard('{Control>}d{/Control}');
    expect(groupOf('zeta')).toBe('Favourites');
    expect(optionIds()[0]).toBe('zeta');
    expect(activeOption()).toBe('zeta'); // the active option follows the tenant
    expect(screen.getByText('Zeta Labs added to favourites')).toBeTruthy();

    const star = document.querySelector('[data-favourite-toggle="pacific"]');
    if (!(star instanceof HTMLElement)) throw new Error('no star for pacific');
    await user.click(star);
    expect(groupOf('pacific')).toBe('Favourites');
    expect(screen.getByRole('dialog')).toBeTruthy(); // the star does not switch

    await user.keyboard('{Escape}');
    await pressCtrlK(user);
    expect(optionIds().slice(0, 2)).toEqual(['pacific', 'zeta']);
    await user.keyboard('{Control>}d{/Control}'); // pacific is active (first): un-favourite it
    expect(groupOf('pacific')).toBe('Retail');
  });

  it('ignores corrupt storage and favourites that are no longer granted', async () => {
    localStorage.setItem(preferencesKey(userId), '{"favourites":["revoked","zeta"],"recents":');
    const first = setup();
    await pressCtrlK(first.user);
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual([
      'Banking',
      'Retail',
      'Other',
    ]);
    cleanup();

    localStorage.setItem(preferencesKey(userId), '{"favourites":["revoked","zeta"],"recents":["gone"]}');
    const second = setup();
    await pressCtrlK(second.user);
    expect(screen.getAllByRole('group')[0]?.getAttribute('aria-label')).toBe('Favourites');
    expect(optionIds()).toEqual(['zeta', 'sg-fr', 'acme-prod', 'pacific']);
  });

  it('choosing the active tenant just closes', async () => {
    const { user, action, trigger } = setup();
    await pressCtrlK(user);
    await user.keyboard('acme{Enter}');
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByTestId('switching-to').textContent).toBe('');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('a failed switch cancels it and shows the error', async () => {
    const failure = Object.assign(new Error('server exploded'), { digest: 'abc123' });
    const { user, trigger } = setup({ action: () => Promise.reject(failure) });
    await pressCtrlK(user);
    await user.keyboard('pacific{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not switch to Pacific Care.');
    expect(alert.textContent).toContain('reference abc123');
    expect(screen.getByTestId('switching-to').textContent).toBe('');
    await waitFor(() => expect(trigger.getAttribute('aria-disabled')).toBeNull());

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("leaves Next's redirect to the router instead of reporting it as a failure", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught redirect
    const { user } = setup({ action: () => Promise.resolve().then(() => redirect('/dashboard?tenant=pacific')) });
    await pressCtrlK(user);
    await user.keyboard('pacific{Enter}');
    await screen.findByText('boundary caught');
    expect(screen.getByTestId('switching-to').textContent).toBe('pacific');
    expect(screen.queryByText(/Could not switch/)).toBeNull();
    vi.restoreAllMocks();
  });

  it('renders at most 50 of 500 tenants and says how many more there are', async () => {
    const { user } = setup({ tenants: manyTenants(500) });
    await pressCtrlK(user);
    expect(screen.getAllByRole('option')).toHaveLength(50);
    expect(screen.getByText('450 more — keep typing to narrow the list.')).toBeTruthy();
    await user.keyboard('tenant 0123');
    expect(optionIds()[0]).toBe('t-0123'); // name prefix first; other hits are org ids containing 0123
    expect(activeOption()).toBe('t-0123');
  });
});
