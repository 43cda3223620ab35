import { GenesysApiError } from '../genesys/errors';
import { ApiError } from './api-error';

/**
 * Someone changed the resource meanwhile (Genesys 409 general.conflict): answer 409 with the
 * current state and version, so the editor can show their values beside the user's and let the
 * user re-apply onto the new version. Nothing is retried or overwritten here.
 */
export async function withCurrentOnConflict<T extends { version: number }>(
  write: () => Promise<T>,
  readCurrent: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof GenesysApiError) || error.status !== 409) throw error;
    const current = await readCurrent();
    throw new ApiError(
      409,
      'conflict',
      'Someone changed this in Genesys Cloud meanwhile.',
      {},
      {
        currentVersion: current.version,
        current,
        correlationId: error.correlationId,
      },
    );
  }
}
