'use client';

import { createContext, useContext, type ReactNode } from 'react';

// The id of the request that rendered this page, so an error screen can show what to quote.
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ requestId, children }: { requestId: string | null; children: ReactNode }) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

export const useRequestId = () => useContext(RequestIdContext);
