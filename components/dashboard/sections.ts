/**
 * Every dashboard section's identity and size, shared by the section, its Suspense skeleton
 * and the page's loading.tsx, so all three take the same place in the grid.
 */
export interface SectionSpec {
  id: string;
  title: string;
  wide?: boolean;
  /** The body's minimum height (CSS length), the same while loading and loaded. */
  minHeight: string;
}

export const SECTIONS = {
  organization: { id: 'organization', title: 'Organization', minHeight: '13rem' },
  users: { id: 'users', title: 'Users by state', minHeight: '13rem' },
  usage: { id: 'rate-budget', title: 'Rate-budget use', minHeight: '13rem' },
  activity: { id: 'activity', title: 'Conversation activity, last 24 hours', wide: true, minHeight: '22rem' },
  features: { id: 'features', title: 'Features', minHeight: '12rem' },
  directory: { id: 'directory', title: 'Divisions and roles', minHeight: '12rem' },
  clients: { id: 'oauth-clients', title: 'OAuth clients', minHeight: '12rem' },
  health: { id: 'credential-health', title: 'Token and credential health', minHeight: '12rem' },
  audit: { id: 'audit', title: 'Latest audit entries', wide: true, minHeight: '12rem' },
} as const satisfies Record<string, SectionSpec>;

/** Page order; the grid flows them three (or fewer) to a row. */
export const SECTION_ORDER: readonly SectionSpec[] = [
  SECTIONS.organization,
  SECTIONS.users,
  SECTIONS.usage,
  SECTIONS.activity,
  SECTIONS.features,
  SECTIONS.directory,
  SECTIONS.clients,
  SECTIONS.health,
  SECTIONS.audit,
];
