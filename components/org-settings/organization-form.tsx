'use client';

import { type Organization, organizationSchema } from '@/lib/genesys/schemas/organization';
import { formatValue } from '@/lib/org-settings/diff';
import { ORG_FIELDS, ORG_READ_ONLY, type OrgField, planOrgUpdate, toOrgValues } from '@/lib/org-settings/organization';
import type { ReviewTenant } from './change-review';
import { FormField } from './form-field';
import { SectionForm } from './section-form';
import { type SectionConfig, useSectionForm } from './use-section-form';
import styles from './org-settings.module.css';

const CONFIG: SectionConfig<Organization, OrgField, unknown> = {
  form: 'org',
  specs: ORG_FIELDS,
  toValues: toOrgValues,
  // The version and unchanged values sent are those the edit started from (after a re-apply: theirs).
  plan: planOrgUpdate,
  method: 'PUT',
  savedMessage: (org, count) =>
    `${count} change${count === 1 ? '' : 's'} saved to the organization; it is now at version ${org.version}.`,
  parseCurrent: (value) => organizationSchema.safeParse(value).data,
  untouchedConflict:
    "The organization's version changed (for example a feature was switched) but none of your fields were " +
    'changed meanwhile — re-apply to save onto the new version.',
};

export function OrganizationForm({
  tenantId,
  tenant,
  organization,
}: {
  tenantId: string;
  tenant: ReviewTenant;
  organization: Organization;
}) {
  const form = useSectionForm(CONFIG, {
    tenantId,
    url: `/api/tenants/${encodeURIComponent(tenantId)}/organization`,
    initial: organization,
  });
  return (
    <>
      <dl className={styles.readOnly} aria-label="Read-only fields">
        {ORG_READ_ONLY.map(({ key, label }) => {
          const value = form.data[key];
          return (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-field={key}>{typeof value === 'object' ? '' : formatValue(value as string | number)}</dd>
            </div>
          );
        })}
      </dl>
      <SectionForm form={form} label="Organization fields" reviewTitle="Review organization changes" tenant={tenant}>
        {ORG_FIELDS.map((spec) => (
          <FormField
            key={spec.key}
            form={CONFIG.form}
            spec={spec}
            value={form.draft[spec.key]}
            error={form.errors[spec.key]}
            onChange={(value) => form.setField(spec.key, value)}
          />
        ))}
      </SectionForm>
    </>
  );
}
