// Mounts the emulator core on a fake host with msw, so code under test talks to it through
// plain fetch exactly as it would to api.{env} / login.{env} behind the SDK's setGateway.
//
//   const mounted = mountEmulator({ orgSizes: [50] });   // in beforeAll
//   await fetch(`${mounted.baseUrl}/oauth/token`, ...);
//   mounted.close();                                      // in afterAll
//
// One msw server per test file: msw patches global fetch, so mount once and reset() between
// tests rather than mounting twice.
import { http, HttpResponse } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { ConnectionResetError, type Emulator, type EmulatorOptions, createEmulator } from '../../../emulator/index';

export const DEFAULT_BASE_URL = 'https://emulator.test';

export type MountedEmulator = {
  emulator: Emulator;
  baseUrl: string;
  server: SetupServer;
  close(): void;
};

export function mountEmulator(
  options: EmulatorOptions & { baseUrl?: string; extraHosts?: string[] } = {},
): MountedEmulator {
  const { baseUrl = DEFAULT_BASE_URL, extraHosts = [], ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const handler = async ({ request }: { request: Request }) => {
    try {
      return await emulator.handle(request);
    } catch (error) {
      if (error instanceof ConnectionResetError) return HttpResponse.error();
      throw error;
    }
  };
  const server = setupServer(...[baseUrl, ...extraHosts].map((host) => http.all(`${host}/*`, handler)));
  server.listen({ onUnhandledRequest: 'bypass' });
  return { emulator, baseUrl, server, close: () => server.close() };
}
