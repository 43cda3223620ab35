// @vitest-environment happy-dom
// Choosing two snapshots to compare: older → newer, two different ones, then the compare page.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompareForm } from '@/components/snapshots/compare-form';
import { meta } from './fixtures';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

afterEach(() => {
  cleanup();
  push.mockClear();
});

const [oldest, middle, newest] = [meta(), meta({ total: 241 }), meta({ total: 242 })];
const NEWEST_FIRST = [newest, middle, oldest];

describe('CompareForm', () => {
  it('needs two snapshots', () => {
    render(<CompareForm snapshots={[newest]} />);
    expect(screen.getByText('Nothing to compare yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compare' })).toBeNull();
  });

  it('defaults to the two newest, older → newer, and opens their comparison', async () => {
    const user = userEvent.setup();
    render(<CompareForm snapshots={NEWEST_FIRST} />);
    const from = screen.getByLabelText<HTMLSelectElement>('From (older)');
    const to = screen.getByLabelText<HTMLSelectElement>('To (newer)');
    expect([from.value, to.value]).toEqual([middle.id, newest.id]);
    expect(from.selectedOptions[0]?.textContent).toContain('241 users');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(push).toHaveBeenCalledWith(`/users/snapshots/compare?from=${middle.id}&to=${newest.id}`);
  });

  it('refuses the same snapshot twice and a newer “from”, saying why next to the fields', async () => {
    const user = userEvent.setup();
    render(<CompareForm snapshots={NEWEST_FIRST} />);
    const from = screen.getByLabelText<HTMLSelectElement>('From (older)');
    const to = screen.getByLabelText<HTMLSelectElement>('To (newer)');
    await user.selectOptions(from, newest.id);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose two different snapshots.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    await user.selectOptions(to, oldest.id);
    expect(screen.queryByRole('alert')).toBeNull(); // a new choice clears the message
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('alert').textContent).toBe('“From” must be the older snapshot.');
    expect(push).not.toHaveBeenCalled();
    await user.selectOptions(from, oldest.id);
    await user.selectOptions(to, newest.id);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(push).toHaveBeenCalledWith(`/users/snapshots/compare?from=${oldest.id}&to=${newest.id}`);
  });
});
