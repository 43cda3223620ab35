// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardSection, SectionError, SectionSkeleton } from '@/components/dashboard/dashboard-section';
import { SECTIONS } from '@/components/dashboard/sections';

afterEach(cleanup);

describe('DashboardSection', () => {
  it('names its tenant on its root and is a labelled region with the section title', () => {
    const { container } = render(
      <DashboardSection tenantId="acme-prod" spec={SECTIONS.users}>
        <p>content</p>
      </DashboardSection>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.dataset.tenantId).toBe('acme-prod');
    expect(root.dataset.section).toBe('users');
    expect(screen.getByRole('region', { name: 'Users by state' }).textContent).toContain('content');
  });

  it('the skeleton takes the same place: same tenant, title and minimum height', () => {
    const { container } = render(
      <>
        <SectionSkeleton tenantId="acme-prod" spec={SECTIONS.activity} />
        <DashboardSection tenantId="acme-prod" spec={SECTIONS.activity}>
          <p>rows</p>
        </DashboardSection>
      </>,
    );
    const [skeleton, loaded] = [...container.children] as HTMLElement[];
    expect(skeleton?.dataset.tenantId).toBe('acme-prod');
    expect(skeleton?.querySelector('section')?.className).toBe(loaded?.querySelector('section')?.className);
    expect(skeleton?.querySelector('section')?.className).toContain('panel-wide');
    const floor = (el: HTMLElement | undefined) =>
      (el?.querySelector('section > div') as HTMLElement | null)?.style.getPropertyValue('--section-min-height');
    expect(floor(skeleton)).toBe('22rem');
    expect(floor(loaded)).toBe(floor(skeleton));
  });

  it('a failed section shows the message, the request id and the missing Genesys permission', () => {
    render(
      <SectionError
        failure={{
          code: 'upstream_forbidden',
          message: 'Genesys Cloud refused: missing permission.',
          requestId: 'req-abc-12345',
          missingPermissions: ['analytics:conversationAggregate:view'],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Genesys Cloud refused: missing permission.');
    expect(alert.textContent).toContain('Missing Genesys permission: analytics:conversationAggregate:view');
    expect(alert.textContent).toContain('Request id: req-abc-12345');
    // This message does not say where to grant it, so the panel does.
    expect(alert.textContent).toContain("Grant it to a role of this tenant's OAuth client in Genesys Cloud");
  });

  it('a rate-limited section says how long to wait', () => {
    render(
      <SectionError
        failure={{
          code: 'rate_limited',
          message: 'Genesys Cloud rate limit reached; retry later.',
          requestId: 'req-abc-12346',
          retryAfterSeconds: 45,
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Genesys Cloud asks to wait 45 s before retrying.');
  });
});
