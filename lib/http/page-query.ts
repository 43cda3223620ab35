import { z } from 'zod';

/** Paging of small listings (divisions, roles): unknown parameters are rejected by name. */
export const pageQuerySchema = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  pageNumber: z.coerce.number().int().min(1).max(10_000).default(1),
});
