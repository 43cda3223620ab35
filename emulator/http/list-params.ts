// pageSize/pageNumber for the smaller listings (divisions, roles, trust). Their real maxima
// are UNVERIFIED; 100 is a conservative cap, rejected with 400 outside 1..100.
import type { EmulatorResult } from '../result';
import { intParam, isResult } from './query';

export const MAX_LIST_PAGE_SIZE = 100;

export function pageParams(query: URLSearchParams): { pageSize: number; pageNumber: number } | EmulatorResult {
  const pageSize = intParam(query, 'pageSize', { min: 1, max: MAX_LIST_PAGE_SIZE, fallback: 25 });
  if (isResult(pageSize)) return pageSize;
  const pageNumber = intParam(query, 'pageNumber', { min: 1, max: 1_000_000, fallback: 1 });
  if (isResult(pageNumber)) return pageNumber;
  return { pageSize, pageNumber };
}

export const isPageParams = (value: ReturnType<typeof pageParams>): value is { pageSize: number; pageNumber: number } =>
  !isResult(value);
