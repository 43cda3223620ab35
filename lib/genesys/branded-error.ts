/**
 * Errors recognised by a process-wide mark instead of by class identity. Next bundles proxy.ts,
 * pages and route handlers apart, each with its own copy of every module, while the runtimes
 * that throw these errors live on globalThis, built by whichever bundle asked first. A plain
 * `instanceof` then fails across copies and a 503 or 403 becomes a 500 (found by the cluster
 * suite: a third instance whose first request was an API call). `Symbol.for` is the same symbol
 * in every copy, so `error instanceof TenantAccessError` holds wherever the error came from.
 *
 * Each subclass names its own `brand` (class names do not survive minification).
 */
const markOf = (brand: string) => Symbol.for(`genesys-tenant-portal.error.${brand}`);

export class BrandedError extends Error {
  static readonly brand: string = 'BrandedError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.brand;
    // Every brand up the chain, so a subclass's error is still an instance of its parent.
    for (let type = new.target; type !== BrandedError; type = Object.getPrototypeOf(type) as typeof BrandedError) {
      if (!Object.hasOwn(this, markOf(type.brand))) Object.defineProperty(this, markOf(type.brand), { value: true });
    }
    Object.defineProperty(this, markOf(BrandedError.brand), { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && markOf(this.brand) in value;
  }
}
