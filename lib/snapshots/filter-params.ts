import { ZodError } from 'zod';
import { parseUserFilter, type UserFilter } from '../users/user-view';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const firstParam = (value: string | string[] | undefined) => [value].flat()[0];

/** The users page's filter from this page's address; other view parameters (page, sort) are ignored. */
export function readFilterParams(params: Record<string, string | string[] | undefined>): {
  filter: UserFilter | null;
  problem?: string;
} {
  const search = new URLSearchParams();
  for (const name of ['q', 'state', 'division']) {
    const value = firstParam(params[name]);
    if (value !== undefined) search.set(name, value);
  }
  try {
    return { filter: parseUserFilter(search) };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return {
      filter: null,
      problem: error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '),
    };
  }
}
