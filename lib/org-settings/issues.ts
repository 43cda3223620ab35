import type { z } from 'zod';

/** Field key → the message shown next to it. */
export type FieldErrors = Record<string, string>;

/**
 * zod issues as one message per form field: the first issue of a field wins, an issue inside a
 * list names the entry ("Line 3: …"), and `fieldOf` maps nested paths to the form's flat keys.
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (path: readonly PropertyKey[]) => string | undefined = (path) =>
    typeof path[0] === 'string' ? path[0] : undefined,
  entries: (key: string) => readonly string[] = () => [],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldOf(issue.path);
    if (key === undefined || errors[key] !== undefined) continue;
    const index = issue.path.find((part): part is number => typeof part === 'number');
    const entry = index === undefined ? undefined : entries(key)[index];
    errors[key] =
      index === undefined ? issue.message : `Line ${index + 1}${entry ? ` (${entry})` : ''}: ${issue.message}`;
  }
  return errors;
}

// Genesys names the field of a 400 in its message ("… for field type [domain] …", "The field
// [name] is required."): enough to put an upstream rejection next to the right input.
const UPSTREAM_FIELD = /(?:field type|The field) \[([\w.]+)\]/;

export function upstreamField(message: string): string | undefined {
  return UPSTREAM_FIELD.exec(message)?.[1];
}
