import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { loadUserViewPage } from '@/lib/users/load-user-view-page';
import { parseUserView } from '@/lib/users/user-view';

// One page of the users table, as the URL's view describes it (filter, sort, page, columns).
export const GET = withTenantRoute({ capability: 'users.view' }, ({ genesys, connection, requestId, request }) =>
  loadUserViewPage(genesys.client, connection, parseUserView(new URL(request.url).searchParams), {
    requestId,
    signal: request.signal,
  }),
);
