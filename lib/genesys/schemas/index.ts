// Every schema and wire type, for route handlers validating input and typing responses.
export * from './analytics';
export * from './authorization';
export { entityListingSchema, entityRefSchema, type EntityListing } from './common';
export { parseErrorBody, type ErrorBody } from './error-body';
export * from './oauth-client';
export { RESPONSE_SCHEMAS, type OperationResult } from './operations';
export * from './organization';
export * from './routing';
export * from './trust';
export * from './user';
