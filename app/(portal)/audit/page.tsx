export default function AuditPage() {
  return (
    <main className="page">
      <h1>Audit</h1>
    </main>
  );
}
