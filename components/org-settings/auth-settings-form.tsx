'use client';

import { type AuthSettings, authSettingsSchema } from '@/lib/genesys/schemas/organization';
import { AUTH_FIELDS, type AuthField, planAuthUpdate, toAuthValues } from '@/lib/org-settings/auth-settings';
import type { ReviewTenant } from './change-review';
import { FormField } from './form-field';
import { SectionForm } from './section-form';
import { type SectionConfig, useSectionForm } from './use-section-form';
import styles from './org-settings.module.css';

const CONFIG: SectionConfig<AuthSettings, AuthField, unknown> = {
  form: 'auth',
  specs: AUTH_FIELDS,
  toValues: toAuthValues,
  plan: (_settings, base, draft) => planAuthUpdate(base, draft),
  method: 'PATCH',
  savedMessage: (_settings, count) => `${count} change${count === 1 ? '' : 's'} saved to the authentication settings.`,
  parseCurrent: (value) => authSettingsSchema.safeParse(value).data,
  untouchedConflict:
    'The authentication settings changed meanwhile, but none of your fields were — re-apply to save onto ' +
    'the current settings.',
};

const GROUPS: ReadonlyArray<{ legend: string; keys: readonly AuthField[] }> = [
  { legend: 'Sign-in', keys: ['multifactorAuthenticationRequired'] },
  { legend: 'Allowlists', keys: ['domainAllowlistEnabled', 'domainAllowlist', 'ipAddressAllowlist'] },
  {
    legend: 'Password requirements',
    keys: [
      'minimumLength',
      'minimumDigits',
      'minimumLetters',
      'minimumUpper',
      'minimumLower',
      'minimumSpecials',
      'minimumAgeSeconds',
      'expirationDays',
    ],
  },
];

export function AuthSettingsForm({
  tenantId,
  tenant,
  settings,
}: {
  tenantId: string;
  tenant: ReviewTenant;
  settings: AuthSettings;
}) {
  const form = useSectionForm(CONFIG, {
    tenantId,
    url: `/api/tenants/${encodeURIComponent(tenantId)}/authentication-settings`,
    initial: settings,
  });
  return (
    <SectionForm
      form={form}
      label="Authentication settings"
      reviewTitle="Review authentication changes"
      tenant={tenant}
    >
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className={styles.group}>
          <legend>{group.legend}</legend>
          {group.keys.map((key) => {
            const spec = AUTH_FIELDS.find((candidate) => candidate.key === key)!;
            return (
              <FormField
                key={key}
                form={CONFIG.form}
                spec={spec}
                value={form.draft[key]}
                error={form.errors[key]}
                onChange={(value) => form.setField(key, value)}
              />
            );
          })}
        </fieldset>
      ))}
    </SectionForm>
  );
}
