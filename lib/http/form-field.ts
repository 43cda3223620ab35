/** A text field of a submitted form, capped; a file or a missing field is the empty string. */
export function formText(form: FormData, name: string, maxLength = 1024): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, maxLength) : '';
}
