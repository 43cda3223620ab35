/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Benchmarks print a
 * readable table and end with one machine-readable line `bench <name>: key=value ...`. They assert
 * nothing: figures are quoted in the README or an issue note with the machine and date.
 */
import { cpus, totalmem } from 'node:os';

type Bench = () => Promise<void>;

const BENCHES: Record<string, () => Promise<{ run: Bench }>> = {
  emulator: () => import('./emulator'),
  tokens: () => import('./tokens'),
  pacing: () => import('./pacing'),
  pages: () => import('./pages'),
  export: () => import('./export'),
};

async function main() {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = requested.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHES);
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  console.log(`machine: ${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`date: ${new Date().toISOString()}\n`);
  for (const name of names) {
    const load = BENCHES[name];
    if (!load) continue;
    console.log(`## ${name}`);
    await (await load()).run();
    console.log('');
  }
}

void main();
