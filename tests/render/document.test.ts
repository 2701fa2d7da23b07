// Document-level output: Info and XMP, language, outline, structure tree,
// reproducible bytes and a content-derived /ID.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { deref, list, qpdfJson, run, serifFace, tempPdf, tool } from './fixtures.js';

function sample(body = '以高水平安全服务高质量发展') {
  return list(
    [
      [
        run('衡阳市应急管理局', 50, 30, { tag: { role: 'Artifact', id: 'head' } }),
        run('安全生产大家谈', 50, 100, { size: 40, tag: { role: 'H1', id: 'h1' } }),
        run(body, 50, 200, { tag: { role: 'P', id: 'p1' } }),
        run('以新安全格局保障新发展格局', 50, 213.5, { tag: { role: 'P', id: 'p1' } }),
        run('坚持问题导向精准发力', 300, 100, { size: 18, tag: { role: 'H2', id: 'h2' } }),
      ],
      [run('（上接第1版）持续推进', 50, 100, { tag: { role: 'P', id: 'p1' } }), run('李健', 50, 200, { tag: { role: 'P', id: 'p2' } })],
    ],
    {
      outline: [
        { title: '以默默无闻的坚持 防止发生惊天动地的事', page: 1, y: 100 },
        { title: '坚持问题导向精准发力', page: 2, y: 90 },
      ],
    },
  );
}

describe('document', () => {
  it('writes Info from the display list meta, dated by the issue, never the clock', async () => {
    const file = tempPdf(await renderPdf(sample(), { producer: 'bulletin 9.9.9', creationDate: new Date('2030-01-01T00:00:00Z') }));
    const q = qpdfJson(file);
    const info = deref(q, q.trailer['/Info']);
    const v = (k: string) => deref(q, info[k]);
    expect(v('/Title')).toBe('u:安全生产大家谈 2023年第6期');
    expect(v('/Author')).toBe('u:衡阳市安全生产委员会办公室、衡阳市应急管理局');
    expect(v('/Subject')).toBe('u:以高水平安全服务高质量发展');
    expect(v('/Keywords')).toBe('u:安全生产, 衡阳');
    expect(v('/Producer')).toBe('u:bulletin 9.9.9');
    expect(v('/CreationDate')).toBe('u:D:20230616000000Z');
    expect(v('/ModDate')).toBe('u:D:20230616000000Z');
    const xmp = tool('pdfinfo', ['-meta', file]);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">安全生产大家谈 2023年第6期</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2023-06-16T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdf:Producer>bulletin 9.9.9</pdf:Producer>');
  });

  it('falls back to the caller\'s date, then SOURCE_DATE_EPOCH, when the issue has no date', async () => {
    const undated = sample();
    delete undated.meta.date;
    const dated = tempPdf(await renderPdf(undated, { creationDate: new Date('2024-02-03T04:05:06Z') }));
    expect(tool('pdfinfo', ['-isodates', dated])).toMatch(/CreationDate:\s+2024-02-03T04:05:06Z/);
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const epoch = tempPdf(await renderPdf(undated));
      expect(tool('pdfinfo', ['-isodates', epoch])).toMatch(/CreationDate:\s+2023-11-14T22:13:20Z/);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('sets /Lang, one bookmark per outline entry with page and y, and a structure tree', async () => {
    const file = tempPdf(await renderPdf(sample()));
    const q = qpdfJson(file);
    const root = deref(q, q.trailer['/Root']);
    expect(root['/Lang']).toBe('u:zh-CN');
    expect(deref(q, root['/MarkInfo'])['/Marked']).toBe(true);
    const outlines = q.pages.flatMap((p) => p.outlines.map((o) => ({ ...o, page: p.object })));
    expect(outlines.map((o) => o.title)).toEqual(['以默默无闻的坚持 防止发生惊天动地的事', '坚持问题导向精准发力']);
    expect(outlines[1].page).toBe(q.pages[1].object);
    expect(outlines[1].dest).toEqual([q.pages[1].object, '/XYZ', 0, Math.round((1190.55 - 90) * 1000) / 1000, null]);

    // StructTreeRoot → Document → elements in reading order; p1 spans both pages.
    const tree = deref(q, root['/StructTreeRoot']);
    const document = deref(q, [tree['/K']].flat()[0]);
    expect(document['/S']).toBe('/Document');
    const kids = document['/K'].map((k: string) => deref(q, k));
    expect(kids.map((k: Record<string, unknown>) => k['/S'])).toEqual(['/H1', '/P', '/H2', '/P']);
    const p1 = kids[1];
    const mcrs = p1['/K'] as unknown[];
    // Two lines on page 1 share one marked-content sequence; page 2 adds a reference to its own.
    expect(mcrs).toHaveLength(2);
    expect(mcrs[1]).toMatchObject({ '/Type': '/MCR', '/Pg': q.pages[1].object });
  });

  it('marks Artifact runs as artifacts, outside the structure tree', async () => {
    const file = tempPdf(await renderPdf(sample()));
    const out = file.replace(/\.pdf$/, '-qdf.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', file, out]);
    const content = readFileSync(out, 'latin1');
    expect(content).toMatch(/\/Artifact BMC\n0 0 0 1 k\nBT \/F1 9 Tf 1 0 0 -1 50 30 Tm/);
    // The artifact takes no MCID: the first tagged content is MCID 0.
    expect(content).toMatch(/\/H1 <<\n\/MCID 0\n>> BDC/);
  });

  it('gives the same bytes for the same input, and a different /ID for different content', async () => {
    const a = await renderPdf(sample());
    const b = await renderPdf(sample());
    expect(Buffer.compare(a, b)).toBe(0);
    // Embedding layout's already-open faces gives the very same file.
    const shared = await renderPdf(sample(), { faces: [serifFace()] });
    expect(Buffer.compare(a, shared)).toBe(0);
    const c = await renderPdf(sample('以高水平安全服务高质量发展。'));
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]/.exec(pdf.toString('latin1'))!.slice(1);
    const [a1, a2] = id(a);
    expect(a1).toBe(a2);
    expect(a1).not.toBe('0'.repeat(32));
    // Same Info (title, author, dates) but different text: pdfkit's own /ID would be equal.
    expect(id(c)[0]).not.toBe(a1);
    expect(tool('qpdf', ['--check', tempPdf(c)])).toContain('No syntax or stream encoding errors');
  });
});
