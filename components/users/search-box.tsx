'use client';

import { useEffect, useId, useState } from 'react';

const DEBOUNCE_MS = 300;

/**
 * The search text, committed ~300 ms after typing stops (Enter commits at once). Follows the
 * URL when it changes elsewhere, without undoing what is being typed ("ann " stays "ann ").
 */
export function SearchBox({
  value,
  onCommit,
}: {
  value: string | undefined;
  onCommit: (q: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  const pending = (text.trim() || undefined) !== value;

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => onCommit(text.trim() || undefined), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, text, onCommit]);

  return (
    <label htmlFor={id}>
      Search
      <input
        id={id}
        type="search"
        value={text}
        maxLength={100}
        placeholder="Name, email or username"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (pending) onCommit(text.trim() || undefined);
          }
        }}
      />
    </label>
  );
}
