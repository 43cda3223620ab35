/**
 * Shapes shared by many Genesys responses. Objects are loose (extra fields pass through: the API
 * adds fields all the time) but the fields we read are typed, so drift fails loudly as a
 * GenesysContractError instead of surfacing as `undefined` in the UI.
 */
import { z } from 'zod';

/** `{id, name?, selfUri?}`: how Genesys references another entity (division, user, role). */
export const entityRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  selfUri: z.string().optional(),
});

/**
 * The entity-listing envelope (genesys-api.md §9). Links may be absent (and, UNVERIFIED, null);
 * `entities` is treated as empty when absent so an empty org does not look like a broken one.
 */
export function entityListingSchema<T extends z.ZodType>(entity: T) {
  return z.looseObject({
    entities: z.array(entity).default([]),
    pageSize: z.number().int().optional(),
    pageNumber: z.number().int().optional(),
    total: z.number().int().optional(),
    pageCount: z.number().int().optional(),
    firstUri: z.string().nullish(),
    previousUri: z.string().nullish(),
    nextUri: z.string().nullish(),
    lastUri: z.string().nullish(),
    selfUri: z.string().nullish(),
  });
}

export type EntityListing<T> = {
  entities: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  nextUri?: string | null;
};
