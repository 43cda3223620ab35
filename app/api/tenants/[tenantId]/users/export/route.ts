import { exportUsersCsv } from '@/lib/users-export/export-users-csv';
import { withTenantDownload } from '@/lib/http/with-tenant-download';

// The filtered users list as a streamed CSV download (all pages), itself audited.
export const GET = withTenantDownload({ capability: 'users.export' }, exportUsersCsv);
