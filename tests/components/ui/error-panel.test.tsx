// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorPanel } from '@/components/ui/error-panel';
import { missingPermissionsMessage } from '@/lib/genesys/errors';

afterEach(cleanup);

const WHERE = "to a role of this tenant's OAuth client in Genesys Cloud (Admin > Roles / Permissions).";

describe('ErrorPanel', () => {
  it('a failure: the message, the request id to quote and a retry', async () => {
    const onRetry = vi.fn();
    render(<ErrorPanel message="Genesys Cloud is not answering correctly." requestId="req-0001" onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Genesys Cloud is not answering correctly.');
    expect(screen.getByText('req-0001').tagName).toBe('CODE');
    expect(alert.textContent).not.toContain('wait');
    expect(alert.textContent).not.toContain('Grant');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('a 429 says how long Genesys Cloud asked to wait', () => {
    render(<ErrorPanel code="rate_limited" message="Rate limit reached." retryAfterSeconds={30} />);
    expect(screen.getByText('Genesys Cloud asks to wait 30 s before retrying.')).toBeTruthy();
  });

  it('a 403 whose message already says where to grant is not told twice', () => {
    const message = missingPermissionsMessage('users.list', ['directory:user:view'], false);
    render(<ErrorPanel code="upstream_forbidden" message={message} missingPermissions={['directory:user:view']} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByText('directory:user:view').tagName).toBe('CODE');
    expect(alert.textContent).toContain('Admin > Roles');
    expect(alert.textContent).not.toContain(WHERE);
  });

  it('a raw upstream 403 message gets where to grant, worded for one, several or unnamed permissions', () => {
    const { rerender } = render(
      <ErrorPanel code="upstream_forbidden" message="Not allowed." missingPermissions={['routing:queue:view']} />,
    );
    expect(screen.getByText(`Grant it ${WHERE}`)).toBeTruthy();
    rerender(<ErrorPanel code="upstream_forbidden" message="Not allowed." missingPermissions={['a:b:c', 'd:e:f']} />);
    expect(screen.getByText(`Grant them ${WHERE}`)).toBeTruthy();
    rerender(<ErrorPanel code="upstream_forbidden" message="You are not authorized." />);
    expect(screen.getByText(`Grant the missing permission ${WHERE}`)).toBeTruthy();
  });
});
