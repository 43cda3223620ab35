// Users, the users listing and users search (genesys-api.md §7).
import { z } from 'zod';
import { entityListingSchema, entityRefSchema } from './common';

const contactSchema = z.looseObject({
  address: z.string().optional(),
  display: z.string().optional(),
  mediaType: z.string().optional(),
  type: z.string().optional(),
});

export const userSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  // active | inactive | deleted; kept a string so a new state upstream is not a contract error.
  state: z.string(),
  email: z.string().optional(),
  username: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  division: entityRefSchema.optional(),
  manager: entityRefSchema.nullish(),
  primaryContactInfo: z.array(contactSchema).optional(),
  addresses: z.array(contactSchema).optional(),
  version: z.number().int().optional(),
  dateLastLogin: z.string().optional(),
  authorization: z
    .looseObject({
      roles: z.array(entityRefSchema).optional(),
      permissions: z.array(z.string()).optional(),
    })
    .optional(),
  selfUri: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

export const userListingSchema = entityListingSchema(userSchema);

/** UsersSearchResponse: a different envelope from entity listings (results, q64 page links). */
export const userSearchResponseSchema = z.looseObject({
  total: z.number().int(),
  pageCount: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  pageNumber: z.number().int().optional(),
  previousPage: z.string().nullish(),
  currentPage: z.string().nullish(),
  nextPage: z.string().nullish(),
  results: z.array(userSchema).default([]),
});
export type UserSearchResponse = z.infer<typeof userSearchResponseSchema>;

const CRITERIA_TYPES = [
  'EXACT',
  'STARTS_WITH',
  'CONTAINS',
  'REGEX',
  'TERM',
  'TERMS',
  'REQUIRED_FIELDS',
  'MATCH_ALL',
  'QUERY_STRING',
] as const;

interface SearchCriterion {
  type: (typeof CRITERIA_TYPES)[number];
  fields?: string[];
  value?: string;
  values?: string[];
  operator?: 'AND' | 'OR' | 'NOT';
  startValue?: string;
  endValue?: string;
  dateFormat?: string;
  group?: SearchCriterion[];
}

const criterionSchema: z.ZodType<SearchCriterion> = z.strictObject({
  type: z.enum(CRITERIA_TYPES),
  fields: z.array(z.string().min(1).max(100)).max(20).optional(),
  value: z.string().max(1000).optional(),
  values: z.array(z.string().max(1000)).max(100).optional(),
  operator: z.enum(['AND', 'OR', 'NOT']).optional(),
  startValue: z.string().max(100).optional(),
  endValue: z.string().max(100).optional(),
  dateFormat: z.string().max(100).optional(),
  get group() {
    return z.array(criterionSchema).max(20).optional();
  },
});

/** UserSearchRequest (genesys-api.md §7). Strict: a misspelt field is a 422 here, not a 400 upstream. */
export const userSearchRequestSchema = z.strictObject({
  pageSize: z.number().int().min(1).max(100).optional(),
  pageNumber: z.number().int().min(1).optional(),
  sortOrder: z.enum(['ASC', 'DESC', 'SCORE']).optional(),
  sortBy: z.string().max(100).optional(),
  expand: z.array(z.string().max(100)).max(30).optional(),
  query: z.array(criterionSchema).min(1).max(50),
  enforcePermissions: z.boolean().optional(),
});
export type UserSearchRequest = z.infer<typeof userSearchRequestSchema>;
