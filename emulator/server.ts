// node:http adapter around the pure emulator core, for demos, e2e and the SDK check.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { errorResponse } from './http/response';
import { ConnectionResetError, type Emulator, type EmulatorOptions, createEmulator } from './index';

export type EmulatorServerOptions = EmulatorOptions & { port?: number; host?: string };

export type EmulatorServer = {
  url: string;
  port: number;
  emulator: Emulator;
  close(): Promise<void>;
};

function toRequest(req: IncomingMessage, fallbackHost: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A header undici refuses (e.g. invalid characters) is dropped, not fatal.
      }
    }
  }
  const host = /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host ?? '') ? (req.headers.host as string) : fallbackHost;
  const target = req.url ?? '/';
  // Concatenate rather than resolve: `new URL('////', base)` would read `//` as a host.
  const url = target.startsWith('/') ? new URL(`http://${host}${target}`) : new URL(target);
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    // Streams the body rather than buffering it here; the core enforces the size limit.
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  });
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'Content-Length': String(body?.length ?? 0) });
  res.end(body);
}

function plainError(res: ServerResponse, status: 400 | 500): void {
  if (res.headersSent) return void res.destroy();
  const code = status === 400 ? 'bad.request' : 'internal.server.error';
  void writeResponse(
    errorResponse(status, code, 'The request could not be processed.', randomUUID()),
    res,
    'GET',
  ).catch(() => res.destroy());
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  let fallbackHost = `${host}:${port}`;

  const server = createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    let request: Request;
    try {
      request = toRequest(req, fallbackHost);
    } catch {
      return plainError(res, 400);
    }
    emulator
      .handle(request)
      .then((response) => writeResponse(response, res, method))
      .catch((error: unknown) => {
        if (error instanceof ConnectionResetError) return void req.socket.destroy();
        plainError(res, 500);
      });
  });
  // Malformed HTTP never reaches the handler; answer 400 and drop the socket instead of crashing.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  fallbackHost = `${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    url: `http://${fallbackHost}`,
    port: actualPort,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
