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
  /** Tokens held, expired ones not yet swept included (diagnostics and tests). */
  size(): number;
  clear(): void;
};

/** Expired tokens are swept once per this many issues, so the sweep costs O(1) amortised. */
export const TOKEN_SWEEP_INTERVAL = 256;

export function createTokenStore(): TokenStore {
  const tokens = new Map<string, TokenRecord>();
  let issuedSinceSweep = 0;
  return {
    issue(input) {
      // A long-running emulator (a portal re-logging in, a load test) would otherwise keep every
      // token it ever issued. Expired ones can never authenticate again, so they can go.
      if (++issuedSinceSweep >= TOKEN_SWEEP_INTERVAL) {
        issuedSinceSweep = 0;
        for (const [token, record] of tokens) if (record.expiresAt <= input.issuedAt) tokens.delete(token);
      }
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
    size: () => tokens.size,
    clear: () => tokens.clear(),
  };
}
