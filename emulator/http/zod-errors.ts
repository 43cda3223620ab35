// zod issue → Genesys-style 400, naming the offending field so a caller can fix its request.
import type { z } from 'zod';
import type { EmulatorResult } from '../result';
import { badRequest, invalidValue } from './errors';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function fromZodError(error: z.ZodError, input: unknown): EmulatorResult {
  const issue = error.issues[0];
  if (!issue) return badRequest();
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const prefix = field === '' ? '' : `${field}.`;
    const keys = issue.keys.map((key) => `${prefix}${key}`);
    return badRequest(
      `Unrecognized field(s) ${keys.map((key) => `"${key}"`).join(', ')} in the request body.`,
      keys.map((fieldName) => ({ fieldName, errorCode: 'unrecognized.field' })),
    );
  }
  if (field === '') return badRequest(`The request body is not valid: ${issue.message}`);
  const value = valueAt(input, issue.path);
  if (value === undefined)
    return badRequest(`The field [${field}] is required.`, [{ fieldName: field, errorCode: 'required' }]);
  return invalidValue(field, value, issue.message);
}
