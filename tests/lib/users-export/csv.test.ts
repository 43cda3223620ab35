import { describe, expect, it } from 'vitest';
import type { User } from '@/lib/genesys/schemas/user';
import { USER_COLUMNS } from '@/lib/users/user-view';
import {
  EXPORT_COLUMNS,
  csvHeaderLine,
  exportFilename,
  provenanceLine,
  toCsvText,
  type UserCsvRecord,
} from '@/lib/users-export/csv';
import {
  createRecordCounter,
  provenanceTenant,
  rowsFromRecords,
  usersExportUrl,
} from '@/lib/users-export/download-protocol';
import { toUserRecord, type NameLookup } from '@/lib/users-export/user-record';
import { parseCsv } from '../audit-export/support/parse-csv';

const NO_NAMES: NameLookup = { division: () => undefined, manager: () => undefined };

function user(overrides: Partial<User> = {}): User {
  return {
    id: 'u-1',
    name: 'Ada Lovelace',
    state: 'active',
    email: 'ada@acme.example',
    username: 'ada@acme.example',
    title: 'Engineer',
    department: 'IT',
    division: { id: 'd-1', name: 'Home' },
    dateLastLogin: '2026-02-01T10:00:00.000Z',
    authorization: {
      roles: [
        { id: 'r-2', name: 'Supervisor' },
        { id: 'r-1', name: 'Agent' },
      ],
    },
    manager: { id: 'u-9' },
    ...overrides,
  };
}

const record = (overrides: Partial<UserCsvRecord> = {}): UserCsvRecord => ({
  ...toUserRecord(user(), NO_NAMES),
  ...overrides,
});

describe('users CSV', () => {
  it('has one fixed column order: id, then the table columns in their default order', () => {
    expect(EXPORT_COLUMNS).toEqual(['id', ...USER_COLUMNS]);
    expect(parseCsv(csvHeaderLine())).toEqual([[...EXPORT_COLUMNS]]);
    // Key order of a record does not matter: the columns option decides.
    const shuffled = Object.fromEntries(Object.entries(record()).reverse()) as UserCsvRecord;
    expect(parseCsv(toCsvText([shuffled]))[0]).toEqual(EXPORT_COLUMNS.map((column) => record()[column]));
  });

  it('maps a user: roles sorted and joined with "; ", names of references where known, ids otherwise', () => {
    expect(toUserRecord(user(), NO_NAMES)).toEqual({
      id: 'u-1',
      name: 'Ada Lovelace',
      email: 'ada@acme.example',
      username: 'ada@acme.example',
      title: 'Engineer',
      department: 'IT',
      division: 'Home',
      state: 'active',
      roles: 'Agent; Supervisor',
      dateLastLogin: '2026-02-01T10:00:00.000Z',
      manager: 'u-9',
    });
    const names: NameLookup = { division: (id) => `division ${id}`, manager: (id) => `manager ${id}` };
    const bare = toUserRecord(user({ division: { id: 'd-7' } }), names);
    expect(bare.division).toBe('division d-7');
    expect(bare.manager).toBe('manager u-9');
    const unnamed = toUserRecord(user({ division: { id: 'd-7' } }), NO_NAMES);
    expect(unnamed.division).toBe('d-7');
    const minimal = toUserRecord({ id: 'u-2', name: 'Bob', state: 'inactive' }, NO_NAMES);
    expect(minimal).toMatchObject({ email: '', division: '', roles: '', manager: '', dateLastLogin: '' });
  });

  it('neutralises formulas: a cell starting with = + - @ tab or CR gets a leading quote', () => {
    const hostile = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const text = toCsvText(hostile.map((name) => record({ name })));
    const names = parseCsv(text).map((row) => row[1]);
    expect(names).toEqual(hostile.map((value) => `'${value}`));
    // Full-width forms are spreadsheet formulas too.
    expect(parseCsv(toCsvText([record({ title: '\uFF1D1+1' })]))[0]?.[4]).toBe("'\uFF1D1+1");
    // A formula character later in the cell is harmless and left alone.
    expect(parseCsv(toCsvText([record({ name: 'Ada = Lovelace' })]))[0]?.[1]).toBe('Ada = Lovelace');
  });

  it('quotes commas, quotes and every line break (CRLF records only)', () => {
    const tricky = ['Doe, John', 'The "Boss"', 'two\nlines', 'cr\ronly', 'crlf\r\nin cell'];
    const text = toCsvText(tricky.map((name) => record({ name })));
    expect(text.split('\r\n')).toHaveLength(tricky.length + 2); // one CRLF inside a cell
    expect(parseCsv(text).map((row) => row[1])).toEqual(tricky); // strict reader: no bare line break
    expect(toCsvText([])).toBe('');
  });

  it('writes a provenance comment line with form-encoded values', () => {
    const line = provenanceLine({
      tenantId: 'acme-prod',
      filter: { q: 'ada, "x"', state: 'active' },
      exportedAt: new Date('2026-03-01T12:00:00.000Z'),
      exportedBy: 'auditor@demo.test',
      total: 1234,
    });
    expect(line).toBe(
      '# tenant=acme-prod filter=q%3Dada%252C%2B%2522x%2522%26state%3Dactive ' +
        'exportedAt=2026-03-01T12:00:00.000Z exportedBy=auditor%40demo.test total=1234',
    );
    expect(line).not.toMatch(/[,;"\t\r\n]/);
    const unfiltered = provenanceLine({
      tenantId: 'acme-prod',
      filter: {},
      exportedAt: new Date(0),
      exportedBy: 'a@b.test',
      total: 0,
    });
    expect(unfiltered).toContain(' filter= ');
    expect(provenanceTenant(line)).toBe('acme-prod');
    expect(provenanceTenant('id,name')).toBeUndefined();
    expect(exportFilename('acme-prod', new Date('2026-03-01T23:59:00Z'))).toBe('users-acme-prod-2026-03-01.csv');
  });

  it('counts rows as the bytes arrive, whatever the chunking, line breaks in quoted cells excluded', () => {
    const text =
      '# tenant=acme-prod total=3\r\n' +
      csvHeaderLine() +
      toCsvText([record({ name: 'a\r\nb' }), record({ name: 'the "x"\r\ny' }), record()]);
    for (const size of [1, 2, 3, 7, text.length]) {
      const counter = createRecordCounter();
      for (let at = 0; at < text.length; at += size) counter.push(text.slice(at, at + size));
      expect(rowsFromRecords(counter.records), `chunks of ${size}`).toBe(3);
    }
  });

  it('builds the export URL from the filter only', () => {
    expect(usersExportUrl('acme-prod', {})).toBe('/api/tenants/acme-prod/users/export');
    expect(usersExportUrl('acme-prod', { q: 'a b', state: 'deleted' })).toBe(
      '/api/tenants/acme-prod/users/export?q=a+b&state=deleted',
    );
  });
});
