import type { FieldSpec, FormValue } from '@/lib/org-settings/fields';
import { fieldId } from '@/lib/org-settings/fields';
import styles from './org-settings.module.css';

interface Props {
  form: string;
  spec: FieldSpec;
  value: FormValue;
  error?: string;
  onChange: (value: FormValue) => void;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function FormField({ form, spec, value, error, onChange }: Props) {
  const id = fieldId(form, spec.key);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const common = { id, name: spec.key, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };

  if (spec.kind === 'boolean') {
    return (
      <div className={styles.check}>
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{spec.label}</label>
        {errorId ? <Message id={errorId} text={error} /> : null}
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{spec.label}</label>
      {spec.kind === 'list' ? (
        <textarea {...common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={spec.kind === 'number' ? 'numeric' : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      {hintId ? (
        <p id={hintId} className={styles.hint}>
          {spec.hint}
        </p>
      ) : null}
      {errorId ? <Message id={errorId} text={error} /> : null}
    </div>
  );
}

function Message({ id, text }: { id: string; text: string | undefined }) {
  return (
    <p id={id} className={styles.error}>
      {text}
    </p>
  );
}
