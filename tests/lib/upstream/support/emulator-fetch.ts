// FetchLike straight into emulator.handle: no msw, no sockets, only promises, so a fake clock
// can run thousands of requests deterministically. Calls are tracked for drive().
import type { Emulator } from '../../../../emulator/index';
import type { FetchLike } from '../../../../lib/genesys/ports';
import type { FakeClock } from './fake-clock';

export function emulatorFetch(emulator: Emulator, clock?: FakeClock): FetchLike {
  return (input, init) => {
    const work = emulator.handle(new Request(input, init));
    return clock ? clock.track(work) : work;
  };
}

export const silentLogger = () => {
  const lines: Array<{ level: string; details: object; message: string }> = [];
  const log = (level: string) => (details: object, message: string) => void lines.push({ level, details, message });
  return { logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }, lines };
};
