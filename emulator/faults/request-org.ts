// Which org a request speaks for, judged by its credentials alone (no validity check): a
// tenant-scoped fault must hit that tenant's traffic whether or not its token still works.
import type { Core } from '../core';
import { parseBasic } from '../auth/token-endpoint';

export function requestOrgId(core: Core, req: Request): string | undefined {
  const header = req.headers.get('authorization');
  if (header === null) return undefined;
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer) return core.tokens.find(bearer)?.orgId;
  const basic = parseBasic(header);
  return basic ? core.world.clientsById.get(basic.clientId)?.orgId : undefined;
}
