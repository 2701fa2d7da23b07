// The catalog's entries pdfkit has no API for (OutputIntents, Metadata,
// StructTreeRoot, MarkInfo, Outlines), and the header's version, written
// into the finished file. pdfkit writes a classic cross-reference table and
// the catalog as `N 0 obj\n<<\n…`; the entries go in at the top of that
// dictionary, and every object after it moves by their length, so its xref
// offset and startxref are moved too. A file not in that shape is an
// internal error: nothing is guessed.
export interface CatalogEntries {
  /** The version the header states, `1.3` … `1.7` (pdfkit is asked for 1.3: it writes no XMP of its own then). */
  version: string;
  /** Entries in PDF syntax, by key without the slash: `OutputIntents: '[12 0 R]'`. */
  entries: Record<string, string>;
}

const XREF_ENTRY = 20;

function fail(what: string): never {
  throw new Error(`render: pdfkit's output is not in the expected shape (${what})`);
}

function headerWithVersion(pdf: Buffer, version: string): void {
  if (!/^1\.[0-7]$/.test(version)) fail(`version ${version}`);
  if (pdf.toString('latin1', 0, 9) !== '%PDF-1.3\n') fail('header');
  pdf.write(version, 5, 'latin1');
}

/** The file with the catalog's extra entries and the header's version (the input's bytes are reused). */
export function withCatalogEntries(pdf: Buffer, c: CatalogEntries): Buffer {
  headerWithVersion(pdf, c.version);
  const keys = Object.keys(c.entries);
  if (keys.length === 0) return pdf;
  const start = pdf.lastIndexOf('startxref\n');
  const xrefAt = Number(/^startxref\n(\d+)\n/.exec(pdf.toString('latin1', start, start + 32))?.[1] ?? fail('startxref'));
  // The xref table and the trailer, as text: one character a byte.
  const table = pdf.toString('latin1', xrefAt, start);
  const head = /^xref\n0 (\d+)\n/.exec(table) ?? fail('xref');
  const count = Number(head[1]);
  const trailerAt = head[0].length + count * XREF_ENTRY;
  if (!table.startsWith('trailer\n', trailerAt)) fail('trailer');
  const tail = table.slice(trailerAt);
  const root = Number(/\/Root (\d+) 0 R/.exec(tail)?.[1] ?? fail('/Root'));
  const offsetOf = (n: number) => Number(table.slice(head[0].length + n * XREF_ENTRY, head[0].length + n * XREF_ENTRY + 10));
  const catalogAt = offsetOf(root);
  const open = `${root} 0 obj\n<<\n`;
  if (pdf.toString('latin1', catalogAt, catalogAt + open.length) !== open) fail('catalog');

  const insertAt = catalogAt + open.length;
  const added = Buffer.from(keys.map((k) => `/${k} ${c.entries[k]}\n`).join(''), 'latin1');
  const xref: string[] = [table.slice(0, head[0].length + XREF_ENTRY)];
  for (let n = 1; n < count; n++) {
    const offset = offsetOf(n);
    const at = head[0].length + n * XREF_ENTRY;
    xref.push(offset > catalogAt ? String(offset + added.length).padStart(10, '0') + table.slice(at + 10, at + XREF_ENTRY) : table.slice(at, at + XREF_ENTRY));
  }
  xref.push(`${tail}startxref\n${xrefAt + added.length}\n%%EOF\n`);
  return Buffer.concat([pdf.subarray(0, insertAt), added, pdf.subarray(insertAt, xrefAt), Buffer.from(xref.join(''), 'latin1')]);
}
