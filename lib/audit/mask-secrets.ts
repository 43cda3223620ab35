/**
 * Audit entries keep the before/after values of settings changes, which can carry credentials (a
 * tenant's clientSecret, a pasted token). Values under secret-looking keys, and strings that are
 * credentials, are replaced by '[masked]' in a deep copy. The copy is JSON-shaped (Dates become
 * ISO strings, bigints strings, functions and symbols are dropped, non-finite numbers null), so
 * what is returned is exactly what gets stored, and masking a masked value changes nothing.
 * Sizes are bounded: a huge, deep, shared or cyclic value can neither blow up the log nor crash
 * the request being audited; whatever is cut is replaced by a '[truncated]' marker.
 */
import { MASK, TRUNCATED, isSecretKey, maskString } from './secret-patterns';

export interface MaskLimits {
  maxDepth: number;
  maxKeys: number;
  maxItems: number;
  maxString: number;
  /** Values copied in total: a DAG that reuses one child many times cannot expand exponentially. */
  maxNodes: number;
}

export const DEFAULT_MASK_LIMITS: MaskLimits = {
  maxDepth: 8,
  maxKeys: 100,
  maxItems: 100,
  maxString: 1000,
  maxNodes: 2000,
};

interface Walk {
  limits: MaskLimits;
  nodesLeft: number;
  ancestors: WeakSet<object>;
}

export function maskSecrets(value: unknown, limits: MaskLimits = DEFAULT_MASK_LIMITS): unknown {
  return copy(value, 0, { limits, nodesLeft: limits.maxNodes, ancestors: new WeakSet() });
}

function copy(value: unknown, depth: number, walk: Walk): unknown {
  if (walk.nodesLeft <= 0) return TRUNCATED;
  walk.nodesLeft -= 1;
  if (typeof value === 'string') return maskString(value, walk.limits.maxString);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  if (walk.ancestors.has(value)) return '[circular]';
  if (depth >= walk.limits.maxDepth) return TRUNCATED;
  walk.ancestors.add(value);
  try {
    return Array.isArray(value) ? copyArray(value, depth, walk) : copyObject(value, depth, walk);
  } catch {
    return '[unreadable]'; // a throwing getter or proxy must not fail the audited request
  } finally {
    walk.ancestors.delete(value);
  }
}

function copyArray(value: unknown[], depth: number, walk: Walk): unknown[] {
  const { maxItems } = walk.limits;
  // Keep maxItems - 1 items plus the marker, so a second pass sees maxItems and keeps them all.
  const kept = value.length > maxItems ? maxItems - 1 : value.length;
  const out = value.slice(0, kept).map((item) => copy(item, depth + 1, walk));
  if (kept < value.length) out.push(`${TRUNCATED} ${value.length - kept} more items`);
  return out;
}

function copyObject(value: object, depth: number, walk: Walk): Record<string, unknown> {
  const { maxKeys } = walk.limits;
  const keys = Object.keys(value);
  const kept = keys.length > maxKeys ? maxKeys - 1 : keys.length;
  const out: Record<string, unknown> = {};
  for (const key of keys.slice(0, kept)) {
    const item = (value as Record<string, unknown>)[key];
    const masked = isSecretKey(key) && item !== null && item !== undefined ? MASK : copy(item, depth + 1, walk);
    // defineProperty: a `__proto__` key from JSON.parse stays data instead of a prototype swap.
    if (masked !== undefined)
      Object.defineProperty(out, key, { value: masked, enumerable: true, writable: true, configurable: true });
  }
  if (kept < keys.length) out[TRUNCATED] = `${keys.length - kept} more keys`;
  return out;
}
