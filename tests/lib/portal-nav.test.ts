import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navFor } from '@/lib/portal-nav';
import { readableTextOn, tenantColor } from '@/lib/tenant-color';

describe('navigation by role', () => {
  it('admins see every page; ops dashboards, settings and users; auditors dashboards, users and the audit log', () => {
    expect(navFor('admin').map((item) => item.href)).toEqual(NAV_ITEMS.map((item) => item.href));
    expect(navFor('ops').map((item) => item.href)).toEqual(['/dashboard', '/overview', '/settings', '/users']);
    expect(navFor('auditor').map((item) => item.href)).toEqual(['/dashboard', '/overview', '/users', '/audit']);
  });
});

describe('tenant colours', () => {
  it('uses the configured colour, else a stable colour derived from the id', () => {
    expect(tenantColor({ tenantId: 'acme', color: '#D9480F' })).toBe('#d9480f');
    expect(tenantColor({ tenantId: 'acme' })).toBe(tenantColor({ tenantId: 'acme' }));
    expect(tenantColor({ tenantId: 'acme' })).toMatch(/^#[0-9a-f]{6}$/);
    expect(tenantColor({ tenantId: 'acme' })).not.toBe(tenantColor({ tenantId: 'globex' }));
  });

  it('picks the text colour with the higher contrast', () => {
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#ffffff')).toBe('#111111');
    expect(readableTextOn('#f59f00')).toBe('#111111'); // amber: dark text reads better
    expect(readableTextOn('#7048e8')).toBe('#ffffff'); // violet: white reads better
  });
});
