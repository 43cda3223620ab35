/**
 * A strict RFC 4180 reader for the tests (no csv-parse dependency): CRLF between records, quoted
 * fields with doubled quotes. Anything else (a bare LF between records, a quote inside an
 * unquoted field, an unterminated quote) throws, so a sloppy writer cannot pass.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += c;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

/** The export's first line (provenance comment) and its CSV records. */
export function splitExport(text: string): { provenance: string; header: string[]; rows: string[][] } {
  const end = text.indexOf('\r\n');
  const provenance = text.slice(0, end);
  const [header, ...rows] = parseCsv(text.slice(end + 2));
  return { provenance, header: header ?? [], rows };
}
