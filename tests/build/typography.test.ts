// TYPOGRAPHY.md checked on the sample's PDF as a reader gets it: text read
// back with pdfjs-dist, lines rebuilt from positions, then kinsoku, flush
// edges and the character grid asserted line by line; fonts with pdffonts;
// and, where the shared audit tool is present, its verdict as well.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdfText, type PdfTextItem } from '../helpers/pdf.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

const NO_START = new Set([...'，。、；：？！）］｝〕〉》」』】〗”’·,.;:?!)]}%％‰℃']);
const NO_END = new Set([...'（［｛〔〈《「『【〖“‘([{']);
const BODY = 9;

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  text: string;
}

/** Body-size items grouped into visual lines: same baseline, no gap wider than a gutter's half. */
function bodyLines(pages: { items: PdfTextItem[] }[]): Line[] {
  const lines: Line[] = [];
  pages.forEach((p, page) => {
    const items = p.items
      .filter((i) => Math.abs(i.size - BODY) < 0.05 && /NotoSerifSC-Regular/.test(i.font) && i.text.trim() !== '')
      .sort((a, b) => a.y - b.y || a.x - b.x);
    let cur: Line | undefined;
    for (const i of items) {
      if (cur && Math.abs(i.y - cur.y) < 0.5 && i.x - cur.x1 < BODY * 0.6) {
        cur.x1 = Math.max(cur.x1, i.x + i.width);
        cur.text += i.text;
      } else {
        if (cur) lines.push(cur);
        cur = { page, y: i.y, x0: i.x, x1: i.x + i.width, text: i.text };
      }
    }
    if (cur) lines.push(cur);
  });
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, '') }));
}

describe('the sample PDF keeps the Chinese layout rules', () => {
  let lines: Line[];
  let pdf: string;
  beforeAll(async () => {
    pdf = join(tempDir(), 'typography.pdf');
    const r = runCli(['build', SAMPLE, '-o', pdf, '-q']);
    expect(r.code, r.stderr).toBe(0);
    lines = bodyLines(await readPdfText(readFileSync(pdf)));
  });

  it('has a few hundred body lines to check', () => {
    expect(lines.length).toBeGreaterThan(250);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const bad = lines.filter((l) => NO_START.has([...l.text][0]) || NO_END.has([...l.text].at(-1)!));
    expect(bad.map((l) => l.text)).toEqual([]);
  });

  it('sets every line on a column measure of whole ems, full lines flush on both edges', () => {
    // Column left edges are where unindented lines start; a line ends at most at left + measure.
    // The measure is the width most lines have (a closing mark's box may hang past the edge).
    const widths = new Map<number, number>();
    for (const l of lines) widths.set(Math.round((l.x1 - l.x0) * 10) / 10, (widths.get(Math.round((l.x1 - l.x0) * 10) / 10) ?? 0) + 1);
    const measure = [...widths].sort((a, b) => b[1] - a[1])[0][0];
    expect(measure / BODY).toBeCloseTo(Math.round(measure / BODY), 1);
    // A line followed, in its column, by a line that is not indented continues its paragraph:
    // it must reach the right edge (within 0.1 pt; a compressed closing mark may stop half an em short in its box).
    const byColumn = new Map<string, Line[]>();
    for (const l of lines) {
      const key = `${l.page}:${Math.round(l.x0 - (l.x0 % 1))}`;
      const left = [...byColumn.keys()].find((k) => k.startsWith(`${l.page}:`) && Math.abs(Number(k.split(':')[1]) - l.x0) < 2 * BODY + 1);
      const list = byColumn.get(left ?? key) ?? [];
      list.push(l);
      byColumn.set(left ?? key, list);
    }
    let checked = 0;
    const ragged: string[] = [];
    for (const col of byColumn.values()) {
      const left = Math.min(...col.map((l) => l.x0));
      col.sort((a, b) => a.y - b.y);
      for (let i = 0; i + 1 < col.length; i++) {
        const next = col[i + 1];
        const continues = Math.abs(next.y - col[i].y - 13.5) < 0.2 && next.x0 - left < 0.5 * BODY;
        if (!continues) continue;
        checked++;
        const short = left + measure - col[i].x1;
        const closing = /[，。、；：”’）》」』】]$/.test(col[i].text);
        if (short > 0.1 && !(closing && short <= 0.5 * BODY + 0.1)) ragged.push(`${col[i].text} (${short.toFixed(2)} pt short)`);
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(ragged).toEqual([]);
  });

  it('keeps the baseline grid: body lines 13.5 pt apart', () => {
    const gaps = new Map<number, number>();
    const sorted = [...lines].sort((a, b) => a.page - b.page || a.x0 - b.x0 || a.y - b.y);
    for (let i = 1; i < sorted.length; i++) {
      const d = sorted[i].y - sorted[i - 1].y;
      if (sorted[i].page === sorted[i - 1].page && Math.abs(sorted[i].x0 - sorted[i - 1].x0) < 2 * BODY + 1 && d > 0 && d < 20) {
        gaps.set(Math.round(d * 10) / 10, (gaps.get(Math.round(d * 10) / 10) ?? 0) + 1);
      }
    }
    expect([...gaps.keys()]).toEqual([13.5]);
  });

  it('embeds and subsets every font, with ToUnicode, and no Type 3', () => {
    const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const row of out) {
      expect(row).toMatch(/^[A-Z]{6}\+/);
      expect(row).toMatch(/CID TrueType/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  const audit = join(ROOT, '..', 'shared', 'tools', 'pdf-audit');
  it.skipIf(!existsSync(audit))('passes the shared pdf-audit: 0 kinsoku, 0 ragged, 0 loose, 0 widows and orphans', () => {
    const report = JSON.parse(execFileSync(audit, [pdf, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const l = report.lines;
    expect(l.kinsoku.line_start_violations + l.kinsoku.line_end_violations).toBe(0);
    expect(l.justification.full_lines).toBeGreaterThan(200);
    expect(l.justification.ragged_full_lines).toBe(0);
    expect(l.justification.lines_past_edge).toBe(0);
    expect(l.spacing.lines_gap_over_0_25em).toBe(0);
    expect([l.widows_orphans.widows, l.widows_orphans.orphans]).toEqual([0, 0]);
    expect(report.fonts.type3).toBe(0);
    expect(report.fonts.not_embedded).toBe(0);
  });
});
