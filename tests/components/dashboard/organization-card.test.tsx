// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FeatureList } from '@/components/dashboard/feature-list';
import { OrganizationCard } from '@/components/dashboard/organization-card';
import { UserStates } from '@/components/dashboard/user-states';

afterEach(cleanup);

const term = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

describe('OrganizationCard', () => {
  it('shows every organization field, codes with their names', () => {
    render(
      <OrganizationCard
        org={{
          id: 'org-1',
          name: 'Globex Europe',
          domain: 'globex.example',
          state: 'active',
          productPlatform: 'GenesysCloud',
          defaultLanguage: 'de',
          defaultCountryCode: 'DE',
          version: 17,
          features: [],
        }}
      />,
    );
    expect(term('Name')).toBe('Globex Europe');
    expect(term('Org id')).toBe('org-1');
    expect(term('Domain')).toBe('globex.example');
    expect(term('State')).toBe('active');
    expect(term('Platform')).toBe('GenesysCloud');
    expect(term('Language')).toBe('de (German)');
    expect(term('Country')).toBe('DE (Germany)');
    expect(term('Version')).toBe('17');
  });
});

describe('FeatureList', () => {
  it('counts the features on and says On/Off in words for each', () => {
    render(
      <FeatureList
        features={[
          { name: 'chat', enabled: true },
          { name: 'hipaa', enabled: false },
        ]}
      />,
    );
    expect(screen.getByText('1 of 2 on')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['chatOn', 'hipaaOff']);
  });
});

describe('UserStates', () => {
  it('draws the states it has totals for and names the ones Genesys gave none for', () => {
    render(<UserStates counts={{ active: 90, inactive: 10, deleted: null }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Users by state, 100 in total: Active 90 (90%), Inactive 10 (10%).',
    );
    expect(screen.getByText('Genesys Cloud gave no total for: Deleted.')).toBeTruthy();
  });

  it('an org without users says so', () => {
    render(<UserStates counts={{ active: 0, inactive: 0, deleted: 0 }} />);
    expect(screen.getByText('This organization has no users.')).toBeTruthy();
  });
});
