// OAuth clients (genesys-api.md §8) and TokenInfo (§3).
import { z } from 'zod';
import { entityListingSchema } from './common';

const roleDivisionSchema = z.looseObject({ roleId: z.string(), divisionId: z.string() });

/**
 * Whether GET returns `secret` is UNVERIFIED (§8): if it ever does, it is dropped here, at the
 * edge, so no client secret reaches a cache, a log or the browser.
 */
export const oauthClientSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    authorizedGrantType: z.string(),
    accessTokenValiditySeconds: z.number().int().optional(),
    roleDivisions: z.array(roleDivisionSchema).optional(),
    scope: z.array(z.string()).optional(),
    state: z.string().optional(),
    dateCreated: z.string().optional(),
    dateModified: z.string().optional(),
    selfUri: z.string().optional(),
  })
  .transform(({ secret: _secret, ...rest }) => rest);
export type OAuthClient = z.infer<typeof oauthClientSchema>;
export const oauthClientListingSchema = entityListingSchema(oauthClientSchema);

const orgRefSchema = z.looseObject({ id: z.string(), name: z.string().optional() });

/** GET /api/v2/tokens/me. Note the capitalised `OAuthClient` key (SDK TokenInfo model). */
export const tokenInfoSchema = z.looseObject({
  organization: orgRefSchema,
  homeOrganization: orgRefSchema.optional(),
  authorizedScope: z.array(z.string()).optional(),
  dateTokenIdles: z.string().optional(),
  OAuthClient: z
    .looseObject({
      id: z.string(),
      name: z.string().optional(),
      authorizedGrantType: z.string().optional(),
      roleDivisions: z.array(roleDivisionSchema).optional(),
      state: z.string().optional(),
      organization: orgRefSchema.optional(),
    })
    .optional(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
