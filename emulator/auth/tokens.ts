// Issued access tokens. Opaque random strings (the real format is UNVERIFIED and clients must
// not parse it), each bound to one org and the client's permissions at issue time.
import { randomBytes } from 'node:crypto';

export type TokenRecord = {
  token: string;
  clientId: string;
  orgId: string;
  permissions: readonly string[];
  issuedAt: number;
  expiresAt: number;
};

export type TokenStore = {
  issue(input: Omit<TokenRecord, 'token'>): TokenRecord;
  find(token: string): TokenRecord | undefined;
  revokeClient(clientId: string): number;
  clear(): void;
};

export function createTokenStore(): TokenStore {
  const tokens = new Map<string, TokenRecord>();
  return {
    issue(input) {
      const record = { ...input, token: randomBytes(48).toString('base64url') };
      tokens.set(record.token, record);
      return record;
    },
    find: (token) => tokens.get(token),
    revokeClient(clientId) {
      let revoked = 0;
      for (const [token, record] of tokens) {
        if (record.clientId === clientId) {
          tokens.delete(token);
          revoked++;
        }
      }
      return revoked;
    },
    clear: () => tokens.clear(),
  };
}
