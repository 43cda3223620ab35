import { ApiError } from '../http/api-error';
import { SnapshotCorruptError } from './store';

/**
 * Runs store operations, turning their failures into the portal's answers once: an unreachable
 * store (file system, Redis) is a 503, a damaged snapshot a 500 that says so. ApiErrors pass.
 */
export async function withSnapshotStore<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof SnapshotCorruptError)
      throw new ApiError(500, 'snapshot_damaged', 'This snapshot is damaged and cannot be read.');
    throw new ApiError(
      503,
      'snapshot_store_unavailable',
      'Snapshots could not be read or written: the store is not answering.',
    );
  }
}
