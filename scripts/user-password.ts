/**
 * The new password for `add`/`passwd`: from PORTAL_USER_PASSWORD (automation) or typed at a
 * terminal without echo, twice. Never from argv: that lands in shell history and `ps`.
 */
import { UsageError } from './user-args';

const MIN_LENGTH = 12;
const MAX_LENGTH = 1024; // lib/auth/authenticate.ts refuses longer input

export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < MIN_LENGTH) throw new UsageError(`the password must have at least ${MIN_LENGTH} characters`);
  if (length > MAX_LENGTH) throw new UsageError(`the password must have at most ${MAX_LENGTH} characters`);
}

function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(() => resolve(value));
        if (char === '\u0003') return finish(() => reject(new Error('cancelled')));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    // Raw mode before the question: what is typed as soon as it shows must not be echoed.
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    stderr.write(question);
  });
}

export async function readNewPassword(fromEnv: string | undefined): Promise<string> {
  if (fromEnv !== undefined && fromEnv !== '') {
    checkPasswordPolicy(fromEnv);
    return fromEnv;
  }
  if (!process.stdin.isTTY) {
    throw new UsageError('no password: set PORTAL_USER_PASSWORD, or run in a terminal to be prompted');
  }
  const password = await promptHidden('New password: ');
  checkPasswordPolicy(password);
  if ((await promptHidden('Repeat password: ')) !== password) throw new Error('the passwords do not match');
  return password;
}
