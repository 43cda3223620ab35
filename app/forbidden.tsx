import Link from 'next/link';

// Rendered with a 403 by forbidden(): the page exists, but not for this role.
export default function Forbidden() {
  return (
    <main className="page">
      <h1>Not available to your role</h1>
      <p className="notice error" role="alert">
        This page needs a permission your portal role does not have. Ask a portal administrator if you need it.
      </p>
      <Link href="/dashboard">Back to the dashboard</Link>
    </main>
  );
}
