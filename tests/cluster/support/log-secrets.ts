/**
 * The portal's logger redacts secrets; this checks the result. A finding names the file, the
 * line and the kind of secret, never the secret itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface Secret {
  kind: string;
  value: string;
}

export function findSecretsInLogs(files: string[], secrets: Secret[]): string[] {
  const findings: string[] = [];
  const wanted = secrets.filter((secret) => secret.value.length >= 8);
  for (const file of files) {
    if (!existsSync(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const secret of wanted) {
          if (line.includes(secret.value)) findings.push(`${basename(file)}:${index + 1} carries a ${secret.kind}`);
        }
      });
  }
  return findings;
}
