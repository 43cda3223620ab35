import { execFile, type ExecFileException } from 'node:child_process';

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/<name>` with a clean environment (only what the test passes). */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeout = 60_000,
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      'node_modules/.bin/tsx',
      [script, ...args],
      {
        env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        encoding: 'utf8',
        timeout,
      },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
