/**
 * ErrorBody (genesys-api.md §10), parsed tolerantly: an error answer is read for its code,
 * message and contextId, and must never itself turn into a contract error.
 */
import { z } from 'zod';

const errorBodySchema = z.looseObject({
  message: z.string().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
  status: z.number().optional().catch(undefined),
  contextId: z.string().optional().catch(undefined),
  messageWithParams: z.string().optional().catch(undefined),
  messageParams: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function parseErrorBody(text: string): ErrorBody {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
