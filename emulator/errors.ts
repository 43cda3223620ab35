/**
 * Thrown by `Emulator.handle` when a queued fault says the connection drops. Adapters turn
 * it into their transport's failure: the node server destroys the socket, msw answers
 * `HttpResponse.error()`. The core never builds a Response for it.
 */
export class ConnectionResetError extends Error {
  override readonly name = 'ConnectionResetError';
  constructor(message = 'Connection reset by emulator fault') {
    super(message);
  }
}
