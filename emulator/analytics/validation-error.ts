import type { z } from 'zod';
import { errorResult, type EmulatorResult } from '../result';

// Turns the first zod issue into a Genesys ErrorBody. Enum misses use the real `invalid.value`
// template ("Value [%s] is not valid for field type [%s]. Allowable values are: %s",
// genesys-api.md §10); everything structural is `bad.request` naming the offending field.

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );

// "metrics[3]" names its field type "metrics": the innermost named key.
const fieldName = (path: readonly PropertyKey[]): string =>
  String([...path].reverse().find((key) => typeof key === 'string') ?? 'body');

export function invalidValue(field: string, value: string, allowed: string, fieldPath = field): EmulatorResult {
  return errorResult(
    400,
    'invalid.value',
    `Value [${value}] is not valid for field type [${field}]. Allowable values are: ${allowed}`,
    [{ fieldName: fieldPath, errorCode: 'invalid.value' }],
  );
}

export function badRequest(message: string, fieldPath?: string): EmulatorResult {
  return errorResult(
    400,
    'bad.request',
    message,
    fieldPath === undefined ? undefined : [{ fieldName: fieldPath, errorCode: 'bad.request' }],
  );
}

export function toValidationError(error: z.ZodError): EmulatorResult {
  const issue = error.issues[0];
  if (issue === undefined)
    return badRequest('The request could not be understood by the server due to malformed syntax.');
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_value':
      return invalidValue(fieldName(issue.path), String(issue.input), issue.values.map(String).join(', '), path);
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const full = path ? `${path}.${key}` : key;
      return badRequest(`Unrecognized field [${full}]: it is not part of ConversationAggregationQuery`, full);
    }
    case 'invalid_type':
      return issue.input === undefined
        ? badRequest(`Missing required field [${path}]`, path)
        : badRequest(
            `Field [${path || 'body'}] must be ${issue.expected === 'object' ? 'a JSON object' : `of type ${issue.expected}`}`,
            path || undefined,
          );
    case 'too_small':
      return badRequest(`Field [${path}] must contain at least ${String(issue.minimum)} item(s)`, path);
    default:
      return badRequest(`Field [${path || 'body'}] is invalid: ${issue.message}`, path || undefined);
  }
}
