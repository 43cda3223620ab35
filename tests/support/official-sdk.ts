/**
 * The official Genesys Cloud SDK (purecloud-platform-client-v2) pointed at the emulator: the SDK
 * conformance test and the benches that compare the portal with the SDK build clients this way.
 */
import platformClient from 'purecloud-platform-client-v2';

export type ApiClient = typeof platformClient.ApiClient;

/** The SDK's default export is one shared client; `ApiClientClass` (untyped) builds independent ones. */
export const sdk = platformClient as unknown as typeof platformClient & { ApiClientClass: new () => ApiClient };

/** A fresh client for `region` whose login and API traffic both go to the emulator on loopback. */
export function sdkClientForEmulator(port: number, region: string, host = '127.0.0.1'): ApiClient {
  const client = new sdk.ApiClientClass();
  client.setPersistSettings(false);
  client.setEnvironment(region);
  client.setGateway({ host, protocol: 'http', port, path_params_login: '', path_params_api: '' });
  return client;
}
