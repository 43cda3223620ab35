import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p className="notice" role="status">
        There is no page at this address.
      </p>
      <Link href="/dashboard">Go to the dashboard</Link>
    </main>
  );
}
