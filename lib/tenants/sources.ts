import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseTenantList, type ParsedTenantList } from './parse-tenant-list';

/** Where credentials come from; `describe` names it for health views without exposing secrets. */
export interface TenantSource {
  kind: 'file' | 'config-service';
  describe: string;
  load(): Promise<ParsedTenantList>;
}

export class TenantSourceError extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'timeout' | 'rejected' | 'malformed',
  ) {
    super(message);
    this.name = 'TenantSourceError';
  }
}

export function createFileSource(path: string): TenantSource {
  return {
    kind: 'file',
    describe: `file ${path}`,
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        // The file name only: this message can reach users in error bodies; operators have `describe`.
        throw new TenantSourceError(`cannot read tenants file ${basename(path)} (${code})`, 'unreachable');
      }
      return parseTenantList(unwrapTenants(parseJson(text, `tenants file ${basename(path)}`)));
    },
  };
}

export interface ConfigServiceOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createConfigServiceSource(options: ConfigServiceOptions): TenantSource {
  const { url, token, timeoutMs = 5000, fetch: fetchFn = fetch } = options;
  const origin = new URL(url).origin;
  return {
    kind: 'config-service',
    describe: `config service ${origin}`,
    async load() {
      let response: Response;
      try {
        response = await fetchFn(url, {
          headers: { 'X-Service-Token': token, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
          cache: 'no-store',
        });
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        throw new TenantSourceError(
          timedOut ? `config service did not answer within ${timeoutMs} ms` : 'config service unreachable',
          timedOut ? 'timeout' : 'unreachable',
        );
      }
      if (!response.ok) {
        // Drain rather than cancel: cancelling an unread body can hang some fetch interceptors.
        await response.arrayBuffer().catch(() => undefined);
        throw new TenantSourceError(`config service answered HTTP ${response.status}`, 'rejected');
      }
      return parseTenantList(unwrapTenants(parseJson(await response.text(), 'config service response')));
    },
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TenantSourceError(`${what} is not valid JSON`, 'malformed');
  }
}

/** Both sources accept `{ "tenants": [...] }`; a file may also be a bare list. */
function unwrapTenants(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && 'tenants' in body) return body.tenants;
  throw new TenantSourceError('expected {"tenants": [...]}', 'malformed');
}
