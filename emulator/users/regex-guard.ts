// REGEX search criteria run as JavaScript regular expressions against every user, and V8's
// backtracking engine can take exponential time on patterns such as `(.*)*x` — one request
// froze the whole emulator (measured: >30 s on a 100-user org). The real search runs Lucene
// regexps, which compile to automata and have no such blow-up and no backreferences or
// lookarounds. Rather than emulate Lucene, the emulator refuses the pattern shapes that make
// backtracking explode (quantified groups that themselves contain a quantifier or an
// alternation) and the constructs Lucene lacks. Stricter than the real API (which would accept
// e.g. `(ab|cd)+`); a refused pattern gets a 400 naming the reason.

/** Repeating quantifiers allowed in one pattern: each one multiplies the backtracking work
 * (four adjacent `.*` or `.{0,30}` take about 1–2 s over a 20 000-user org). */
export const MAX_REGEX_QUANTIFIERS = 4;

type Group = { quantified: boolean; alternation: boolean };

const isQuantifier = (char: string | undefined): boolean =>
  char === '*' || char === '+' || char === '?' || char === '{';

/** Why `pattern` is refused, or undefined when it is safe to run. */
export function regexRisk(pattern: string): string | undefined {
  if (/\\[1-9k]/.test(pattern)) return 'backreferences are not supported';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookarounds are not supported';
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let repeats = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const top = stack[stack.length - 1] as Group;
    if (char === '\\') {
      i++;
    } else if (char === '[') {
      // Skip the character class; a `]` right after `[` or `[^` is literal.
      i += pattern[i + 1] === '^' ? 2 : 1;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (char === '(') {
      stack.push({ quantified: false, alternation: false });
      if (pattern[i + 1] === '?') i += pattern[i + 2] === '<' ? pattern.indexOf('>', i) - i : 2;
    } else if (char === ')') {
      const group = stack.length > 1 ? (stack.pop() as Group) : top;
      const parent = stack[stack.length - 1] as Group;
      // `?` only makes a group optional; `*`, `+` and `{…}` repeat it, which is what explodes.
      if (['*', '+', '{'].includes(pattern[i + 1] ?? '') && (group.quantified || group.alternation))
        return 'a repeated group may not contain another quantifier or an alternation';
      parent.quantified ||= group.quantified;
    } else if (char === '|') {
      top.alternation = true;
    } else if (isQuantifier(char)) {
      top.quantified = true;
      if (char !== '?') repeats++;
      if (char === '{') i = Math.max(i, pattern.indexOf('}', i));
      if (pattern[i + 1] === '?' || pattern[i + 1] === '+') i++; // lazy/possessive suffix
    }
  }
  return repeats > MAX_REGEX_QUANTIFIERS
    ? `at most ${MAX_REGEX_QUANTIFIERS} repeating quantifiers (*, +, {…}) are allowed`
    : undefined;
}
