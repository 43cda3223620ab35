'use client';

// Shown when the page cannot render (for example the tenant source has never answered).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <h1>Something went wrong</h1>
      <p className="notice error" role="alert">
        The tenant list could not be loaded. {error.digest ? `Reference: ${error.digest}.` : null}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
