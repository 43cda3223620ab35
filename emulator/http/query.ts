// Query-string helpers. The official SDK serialises arrays through axios as `id[]=a&id[]=b`,
// other clients send `id=a&id=b` or `id=a,b`; the real API accepts all three, so do we.
import type { EmulatorResult } from '../result';
import { invalidValue } from './errors';

export function multiParam(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export const singleParam = (query: URLSearchParams, name: string): string | undefined => query.get(name) ?? undefined;

export type IntRange = { min: number; max: number; fallback: number };

export function intParam(query: URLSearchParams, name: string, range: IntRange): number | EmulatorResult {
  const raw = query.get(name);
  if (raw === null || raw === '') return range.fallback;
  const value = /^-?\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return invalidValue(
      name,
      raw,
      range.max === Number.MAX_SAFE_INTEGER ? `>= ${range.min}` : `${range.min}-${range.max}`,
    );
  }
  return value;
}

/** Case-insensitive enum lookup; returns the canonical spelling or an invalid.value result. */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T | EmulatorResult {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const match = allowed.find((candidate) => candidate.toLowerCase() === raw.trim().toLowerCase());
  return match ?? invalidValue(name, raw, allowed.join(', '));
}

export const isResult = (value: unknown): value is EmulatorResult =>
  typeof value === 'object' && value !== null && 'ok' in value;
