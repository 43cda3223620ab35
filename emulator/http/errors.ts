// The error catalogue, with codes and message templates from genesys-api.md §10.
import { type EmulatorErrorDetail, type EmulatorResult, errorResult } from '../result';

export const badRequest = (
  message = 'The request could not be understood by the server due to malformed syntax.',
  details?: EmulatorErrorDetail[],
): EmulatorResult => errorResult(400, 'bad.request', message, details);

export const invalidValue = (field: string, value: unknown, allowed: string): EmulatorResult =>
  errorResult(
    400,
    'invalid.value',
    `Value [${describe(value)}] is not valid for field type [${field}]. Allowable values are: ${allowed}`,
    [{ fieldName: field, errorCode: 'invalid.value' }],
  );

export const unknownField = (field: string): EmulatorResult =>
  badRequest(`Unrecognized field "${field}" is not allowed in the request body.`, [
    { fieldName: field, errorCode: 'unrecognized.field' },
  ]);

export const notFound = (): EmulatorResult => errorResult(404, 'not.found', 'The requested resource was not found.');

export const versionConflict = (): EmulatorResult =>
  // Verbatim (including "of the user") from the 2018 swagger: the same text is used for orgs.
  errorResult(409, 'general.conflict', 'The version supplied does not match the current version of the user');

export const unsupportedMediaType = (): EmulatorResult =>
  errorResult(
    415,
    'unsupported.media.type',
    'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.',
  );

export const authenticationRequired = (): EmulatorResult =>
  errorResult(401, 'authentication.required', 'No authentication bearer token specified in authorization header.');

export const badCredentials = (): EmulatorResult => errorResult(401, 'bad.credentials', 'Invalid login credentials.');

// The bracketed permission list is UNVERIFIED (genesys-api.md §10); it is the documented suggestion.
export const missingAnyPermissions = (permissions: readonly string[]): EmulatorResult =>
  errorResult(
    403,
    'missing.any.permissions',
    `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${permissions.join(', ')}]`,
  );

export const missingPermissions = (permissions: readonly string[]): EmulatorResult =>
  errorResult(
    403,
    'missing.permissions',
    `Unable to perform the requested action. You are missing the following permission(s): [${permissions.join(', ')}]`,
  );

export const notAuthorized = (message = 'You are not authorized to perform the requested action.'): EmulatorResult =>
  errorResult(403, 'not.authorized', message);

export const internalError = (): EmulatorResult =>
  errorResult(
    500,
    'internal.server.error',
    'The server encountered an unexpected condition which prevented it from fulfilling the request.',
  );

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
