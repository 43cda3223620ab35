/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one (or several). Benchmarks
 * print a readable table and end with one machine-readable line `bench <name>: key=value ...`.
 * They assert nothing: figures are recorded in BENCHMARKS.md with the machine, date and commit.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { exitWithoutDetails } from './support';

type Bench = () => Promise<void>;

/** In the order `npm run bench` runs them; the comment is the usual time on 2 cores. */
const BENCHES: Record<string, () => Promise<{ run: Bench }>> = {
  emulator: () => import('./emulator'), // ~10 s: the emulator's own speed, in process
  proxy: () => import('./proxy'), // ~1 min: emulator direct vs bare proxy vs portal route
  stampede: () => import('./stampede'), // ~30 s: token requests per tenant at expiry, 4 processes
  governor: () => import('./governor'), // ~35 s: the rate governor, 1 instance vs 2 on Redis
  pacing: () => import('./pacing'), // ~2.5 min: 20 000-user export, portal vs official SDK
  export: () => import('./export'), // ~1 min: export time and memory, 2 000 vs 20 000 users
  pages: () => import('./pages'), // ~1 min: Chromium, dashboard and users page, tenant switch
};

/** Former names, still accepted on the command line. */
const ALIASES: Record<string, string> = { tokens: 'stampede' };

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const requested = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('-'))
    .map((name) => ALIASES[name] ?? name);
  const unknown = requested.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHES);
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  console.log(`machine: ${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`date: ${new Date().toISOString()}  commit: ${commit()}\n`);
  const started = performance.now();
  const failed: string[] = [];
  for (const name of names) {
    const load = BENCHES[name];
    if (!load) continue;
    console.log(`## ${name}`);
    const start = performance.now();
    try {
      await (await load()).run();
    } catch (error) {
      // The message only (an SDK error carries request headers); the next bench still runs.
      console.log(`bench ${name}: failed=${JSON.stringify(error instanceof Error ? error.message : 'unknown')}`);
      failed.push(name);
    }
    console.log(`(${name}: ${((performance.now() - start) / 1000).toFixed(0)} s)\n`);
  }
  console.log(`total: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch(exitWithoutDetails);
