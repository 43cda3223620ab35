/** A production tenant is marked in words and colour, so it is never mistaken for a sandbox. */
export function EnvironmentTag({ environment }: { environment: string }) {
  const production = environment === 'production';
  return (
    <span className={production ? 'tag production' : 'tag'} data-environment={environment}>
      {environment}
    </span>
  );
}
