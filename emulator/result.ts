// The one value every pure emulator module returns. The router renders `ok: false`
// into the standard Genesys ErrorBody ({ message, code, status, contextId, details, errors }),
// so feature modules never build HTTP responses themselves.

export type EmulatorErrorDetail = { fieldName?: string; errorCode?: string };

export type EmulatorResult =
  | { ok: true; status?: number; body: unknown }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      details?: EmulatorErrorDetail[];
    };

export const okResult = (body: unknown, status?: number): EmulatorResult =>
  status === undefined ? { ok: true, body } : { ok: true, status, body };

export const errorResult = (
  status: number,
  code: string,
  message: string,
  details?: EmulatorErrorDetail[],
): EmulatorResult =>
  details === undefined ? { ok: false, status, code, message } : { ok: false, status, code, message, details };
