// Organization Authorization: trustors and trustees (genesys-api.md §4, §5).
import { z } from 'zod';
import { entityListingSchema } from './common';

/** Partner orgs come back as a trimmed Organization. */
const partnerOrgSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  thirdPartyOrgName: z.string().optional(),
  domain: z.string().optional(),
  state: z.string().optional(),
});

const createdBySchema = z.looseObject({ id: z.string(), name: z.string().optional() });

export const trustorSchema = z.looseObject({
  id: z.string(),
  enabled: z.boolean(),
  dateCreated: z.string().optional(),
  createdBy: createdBySchema.optional(),
  organization: partnerOrgSchema.optional(),
  authorization: z.looseObject({ permissions: z.array(z.string()).optional() }).optional(),
  selfUri: z.string().optional(),
});
export type Trustor = z.infer<typeof trustorSchema>;
export const trustorListingSchema = entityListingSchema(trustorSchema);

export const trusteeSchema = z.looseObject({
  id: z.string(),
  enabled: z.boolean(),
  usesDefaultRole: z.boolean().optional(),
  hasFullAccess: z.boolean().optional(),
  isTrustedUser: z.boolean().optional(),
  dateCreated: z.string().optional(),
  dateExpired: z.string().nullish(),
  createdBy: createdBySchema.optional(),
  organization: partnerOrgSchema.optional(),
  selfUri: z.string().optional(),
});
export type Trustee = z.infer<typeof trusteeSchema>;
export const trusteeListingSchema = entityListingSchema(trusteeSchema);
