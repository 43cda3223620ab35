/**
 * Debian's Chromium as every browser test here launches it (never a downloaded browser): the
 * flags keep it headless, offline and quiet (stack.md). Shared by playwright.config.ts and the
 * cluster suite.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
