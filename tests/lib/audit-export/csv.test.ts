import { describe, expect, it, vi } from 'vitest';
import {
  AUDIT_CSV_COLUMNS,
  createAuditCsvStream,
  csvDownloadHeaders,
  provenanceLine,
  toCsvRecord,
} from '@/lib/audit-export/csv';
import { walkAuditPages, type AuditPageReader } from '@/lib/audit-export/walk-pages';
import type { AuditEntry } from '@/lib/audit/types';
import { parseCsv, splitExport } from './support/parse-csv';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  const ms = 1_738_332_000_000 + n;
  return {
    id: `${ms}-0`,
    time: new Date(ms).toISOString(),
    userId: 'demo-ops',
    userEmail: 'ops@demo.test',
    role: 'ops',
    tenantId: 'acme-prod',
    action: 'org.update',
    result: 'success',
    requestId: `req-${n}`,
    ...overrides,
  };
}

const PROVENANCE = '# test provenance';

async function* fromArray(entries: AuditEntry[]) {
  for (const item of entries) {
    await Promise.resolve();
    yield item;
  }
}

async function exportText(entries: AsyncIterable<AuditEntry> | AuditEntry[], provenance = PROVENANCE) {
  const source = Array.isArray(entries) ? fromArray(entries) : entries;
  return new Response(createAuditCsvStream(source, provenance)).text();
}

/** Pages of `pageSize` over entries (newest first), counting reads, like a store with a cursor. */
function pagedReader(entries: AuditEntry[], pageSize: number) {
  const reads: (string | undefined)[] = [];
  const read: AuditPageReader = async (before) => {
    reads.push(before);
    await Promise.resolve();
    const start = before === undefined ? 0 : entries.findIndex((e) => e.id === before) + 1;
    const page = entries.slice(start, start + pageSize);
    const more = start + pageSize < entries.length;
    return { entries: page, nextCursor: more ? page[page.length - 1]!.id : null };
  };
  return { read, reads };
}

describe('audit CSV', () => {
  it('has a provenance line, then the header in the fixed column order, then one record per entry', async () => {
    const text = await exportText([entry(2), entry(1)]);
    expect(text.startsWith(`${PROVENANCE}\r\n`)).toBe(true);
    const { header, rows } = splitExport(text);
    expect(header).toEqual([
      'time',
      'id',
      'userEmail',
      'userId',
      'role',
      'tenantId',
      'action',
      'result',
      'requestId',
      'correlationId',
      'before',
      'after',
      'details',
    ]);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.map((row) => row[1])).toEqual([entry(2).id, entry(1).id]);
  });

  it('writes nulls as empty cells and before/after/details as JSON', async () => {
    const full = entry(1, {
      userId: null,
      userEmail: null,
      role: null,
      tenantId: null,
      action: 'login.failed',
      result: 'failure',
      correlationId: 'corr-1',
      before: { name: 'Acme', tags: ['a'] },
      after: { name: 'Acme, "Renamed"' },
      details: { rows: 3, note: null },
    });
    const { rows } = splitExport(await exportText([full]));
    expect(rows).toEqual([
      [
        full.time,
        full.id,
        '',
        '',
        '',
        '',
        'login.failed',
        'failure',
        'req-1',
        'corr-1',
        '{"name":"Acme","tags":["a"]}',
        '{"name":"Acme, \\"Renamed\\""}',
        '{"rows":3,"note":null}',
      ],
    ]);
    expect(toCsvRecord(entry(1)).before).toBe('');
  });

  it('quotes commas, quotes and line breaks so every value round-trips', async () => {
    const tricky = ['a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', ' padded ', 'ünïcødé ✓'];
    const entries = tricky.map((requestId, n) => entry(n, { requestId }));
    const { rows } = splitExport(await exportText(entries));
    expect(rows.map((row) => row[8])).toEqual(tricky);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const dangerous = ['=HYPERLINK("http://evil.test","x")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '＝1+1'];
    const entries = dangerous.map((userEmail, n) => entry(n, { userEmail }));
    const { rows } = splitExport(await exportText(entries));
    expect(rows.map((row) => row[2])).toEqual(dangerous.map((value) => `'${value}`));
    // Harmless values are left alone, JSON cells included.
    const { rows: safe } = splitExport(await exportText([entry(1, { userEmail: 'a-b@x.test', after: '=x' })]));
    expect(safe[0]![2]).toBe('a-b@x.test');
    expect(safe[0]![11]).toBe('"=x"');
  });

  it('streams many pages through the cursor: 1 200 entries, each exactly once, in order', async () => {
    const all = Array.from({ length: 1200 }, (_, n) => entry(1200 - n));
    const { read, reads } = pagedReader(all, 100);
    const { rows } = splitExport(await exportText(walkAuditPages(read)));
    expect(reads).toHaveLength(12);
    expect(rows.map((row) => row[1])).toEqual(all.map((e) => e.id));
  });

  it('stops reading the store when the download is cancelled', async () => {
    const all = Array.from({ length: 5000 }, (_, n) => entry(5000 - n));
    const { read, reads } = pagedReader(all, 100);
    let closed = false;
    async function* tracked() {
      try {
        yield* walkAuditPages(read);
      } finally {
        closed = true; // the entry source was told to stop (backpressure alone would only pause it)
      }
    }
    const reader = createAuditCsvStream(tracked(), PROVENANCE).getReader();
    await reader.read(); // provenance
    await reader.read(); // header and first records
    await reader.cancel();
    await vi.waitFor(() => expect(closed).toBe(true));
    const readsAtCancel = reads.length;
    expect(readsAtCancel).toBeLessThan(50); // a few pages of read-ahead, not the whole view
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reads.length).toBe(readsAtCancel);
  });

  it('errors the download when the store fails mid-way, instead of ending it as if complete', async () => {
    const all = Array.from({ length: 300 }, (_, n) => entry(300 - n));
    const { read } = pagedReader(all, 100);
    let calls = 0;
    const failing: AuditPageReader = (before) =>
      ++calls === 3 ? Promise.reject(new Error('store down')) : read(before);
    await expect(exportText(walkAuditPages(failing))).rejects.toThrow('store down');
  });

  it('writes only the header for an empty view', async () => {
    const { header, rows } = splitExport(await exportText([]));
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toEqual([]);
  });
});

describe('provenanceLine', () => {
  const base = {
    exportedBy: { email: 'auditor@demo.test', id: 'demo-auditor' },
    exportedAt: new Date('2025-01-31T14:00:00.000Z'),
    rows: 12,
  };

  it('says who exported what, when, and how many rows', () => {
    const line = provenanceLine({ ...base, filters: new URLSearchParams({ tenant: 'acme-sandbox', action: 'login' }) });
    expect(line).toBe(
      '# Audit log export | exported by auditor%40demo.test (demo-auditor) | at 2025-01-31T14:00:00.000Z | 12 rows | filters: tenant=acme-sandbox&action=login',
    );
    expect(provenanceLine({ ...base, rows: 1, filters: new URLSearchParams() })).toContain('| 1 row | filters: none');
  });

  it('stays one comment cell whatever the filters hold: no separator, quote or line break', () => {
    const hostile = '=HYPERLINK("x"),;\t\r\n"@';
    const line = provenanceLine({ ...base, filters: new URLSearchParams({ user: hostile, tenant: 'a;b,c' }) });
    expect(line.startsWith('# ')).toBe(true);
    expect(line).not.toMatch(/[,;"\t\r\n]/);
    expect(parseCsv(`${line}\r\n`)).toEqual([[line]]);
    expect(new URLSearchParams(line.split('filters: ')[1]).get('user')).toBe(hostile);
  });
});

describe('csvDownloadHeaders', () => {
  it('is an uncached attachment with the given name', () => {
    expect(csvDownloadHeaders('audit-2025-01-31.csv')).toEqual({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-2025-01-31.csv"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
