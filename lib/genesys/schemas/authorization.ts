// Divisions and roles (genesys-api.md §8).
import { z } from 'zod';
import { entityListingSchema } from './common';

export const divisionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  homeDivision: z.boolean().optional(),
  objectCounts: z.record(z.string(), z.number()).optional(),
  selfUri: z.string().optional(),
});
export type Division = z.infer<typeof divisionSchema>;
export const divisionListingSchema = entityListingSchema(divisionSchema);

export const roleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  defaultRoleId: z.string().optional(),
  permissions: z.array(z.string()).optional(),
  userCount: z.number().int().optional(),
  base: z.boolean().optional(),
  default: z.boolean().optional(),
  selfUri: z.string().optional(),
});
export type Role = z.infer<typeof roleSchema>;
export const roleListingSchema = entityListingSchema(roleSchema);
