// Every /api/v2 route the emulator serves.
import type { Route } from '../router';
import { organizationRoutes } from './organization';
import { userRoutes } from './users';
import { authorizationRoutes } from './authorization';
import { clientAndTokenRoutes } from './clients-and-tokens';
import { orgAuthorizationRoutes } from './org-authorization';
import { contactCenterRoutes } from './contact-center';

export const API_ROUTES: readonly Route[] = [
  ...organizationRoutes,
  ...userRoutes,
  ...authorizationRoutes,
  ...clientAndTokenRoutes,
  ...orgAuthorizationRoutes,
  ...contactCenterRoutes,
];
