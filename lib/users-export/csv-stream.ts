import { toCsvText } from './csv';
import type { UserRows } from './user-rows';

export type ExportOutcome = { outcome: 'complete' } | { outcome: 'cancelled' } | { outcome: 'failed'; error: unknown };

/**
 * The export as a web stream for a Response: `head` (provenance and header row) first, then a
 * chunk per page of rows. Pull-based: a page is loaded only when the reader wants more, with
 * the stream's default one chunk queued ahead, so the server holds about two pages at most.
 * Cancelling the body (the client went away or pressed Cancel) closes the rows, so no further
 * upstream request is made. A failure once headers are sent errors the stream: the download
 * ends visibly cut short (no closing chunk) instead of looking complete.
 */
export function createUsersCsvStream(
  head: string,
  rows: Pick<UserRows, 'next' | 'close'>,
  onEnd: (end: ExportOutcome) => void = () => undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let ended = false;
  const end = (outcome: ExportOutcome) => {
    if (ended) return;
    ended = true;
    onEnd(outcome);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      try {
        // An empty batch (every user of a page already written) is skipped, not sent as a 0-byte chunk.
        let text = '';
        while (text === '') {
          const records = await rows.next();
          if (records === undefined) break;
          text = toCsvText(records);
        }
        if (ended) return;
        if (text === '') {
          controller.close();
          end({ outcome: 'complete' });
        } else controller.enqueue(encoder.encode(text));
      } catch (error) {
        if (ended) return; // cancelled meanwhile: the abort is the cause, not a failure
        rows.close();
        controller.error(error);
        end({ outcome: 'failed', error });
      }
    },
    cancel() {
      rows.close();
      end({ outcome: 'cancelled' });
    },
  });
}
