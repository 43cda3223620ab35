// @ts-check
/**
 * The promise's value, or `fallback` once `ms` have passed (calling `onLate`). The promise keeps
 * running; only the caller stops waiting. Rejections are the caller's to handle.
 * @template T, F
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {() => void} onLate
 * @param {F} fallback
 * @returns {Promise<T | F>}
 */
export function withDeadline(promise, ms, onLate, fallback) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => {
      onLate();
      resolve(fallback);
    }, ms);
  });
  return /** @type {Promise<T | F>} */ (Promise.race([promise, late])).finally(() => clearTimeout(timer));
}
