export default function CredentialsPage() {
  return (
    <main className="page">
      <h1>Credentials</h1>
    </main>
  );
}
