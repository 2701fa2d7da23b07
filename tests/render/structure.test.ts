// The structure tree, read back from the file: qpdf gives the elements (the
// tree from the StructTreeRoot, with their attributes and marked-content
// kids), pdfjs the text of each marked-content sequence. A bulletin with a
// list, a table, a footnote, a picture and a block quote; and the sample,
// whose first article continues overleaf.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/compile.js';
import { SAMPLE, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { deref, qpdfJson, tempPdf, tool, type QpdfJson } from './fixtures.js';

interface Node {
  role: string;
  kids: Node[];
  /** Marked-content sequences: page index (0-based) and MCID. */
  marks: { page: number; mcid: number }[];
  dict: Record<string, unknown>;
}

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);

/** The structure tree under the StructTreeRoot, from qpdf's JSON. */
function structureTree(q: QpdfJson): Node {
  const pageIndex = new Map(q.pages.map((p, i) => [p.object, i]));
  const root = deref(q, deref(q, q.trailer['/Root'])['/StructTreeRoot']);
  const walk = (ref: unknown, pg?: string): Node | { page: number; mcid: number } => {
    if (typeof ref === 'number') return { page: pageIndex.get(pg!)!, mcid: ref };
    const d = deref(q, ref);
    if (d['/Type'] === '/MCR') return { page: pageIndex.get(d['/Pg'])!, mcid: d['/MCID'] };
    const node: Node = { role: String(d['/S']).slice(1), kids: [], marks: [], dict: d };
    const k = d['/K'];
    for (const kid of Array.isArray(k) ? k : k === undefined ? [] : [k]) {
      const n = walk(kid, d['/Pg'] ?? pg);
      if ('role' in n) node.kids.push(n);
      else node.marks.push(n);
    }
    return node;
  };
  const kids = root['/K'];
  return walk(Array.isArray(kids) ? kids[0] : kids) as Node;
}

/** Every marked-content sequence's text, by page and MCID (pdfjs). */
async function markedText(pdf: Uint8Array): Promise<Map<string, string>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const out = new Map<string, string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    let open: string | undefined;
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' && item.id) open = `${n - 1}:${/mc(\d+)$/.exec(item.id)?.[1]}`;
      else if (item.type === 'endMarkedContent') open = undefined;
      else if (open && typeof item.str === 'string') out.set(open, (out.get(open) ?? '') + item.str);
    }
  }
  await doc.destroy();
  return out;
}

function all(node: Node, role: string): Node[] {
  return [...(node.role === role ? [node] : []), ...node.kids.flatMap((k) => all(k, role))];
}

function textOf(node: Node, texts: Map<string, string>): string {
  return [...node.marks.map((m) => texts.get(`${m.page}:${m.mcid}`) ?? ''), ...node.kids.map((k) => textOf(k, texts))].join('');
}

const roles = (n: Node) => n.kids.map((k) => k.role);

const ARTICLE = `---
title: 加强组织领导 压实安全责任
author: 张三
role: 某单位负责人
---

第一段正文讲述安全生产的重要意义和具体措施[^1]。

## 工作要求

1. 第一项措施落实到位。
2. 第二项措施跟踪问效。

| 指标 | 数值 |
| --- | ---: |
| 检查次数 | 120 |

> 安全生产是民生大事，一丝一毫不能放松。

![巡查现场的照片](photo.png)

[^1]: 注释的内容。
`;

describe('structure tree', () => {
  let tree: Node;
  let texts: Map<string, string>;
  let q: QpdfJson;
  let file: string;

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 40, b: 30 } } }).png().toBuffer();
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': ARTICLE, 'photo.png': photo });
    const { pdf } = await compile({ dir });
    file = tempPdf(pdf);
    q = qpdfJson(file);
    tree = structureTree(q);
    texts = await markedText(pdf);
  });

  it('puts the lead in a Sect and each article in an Art, its headline an H2 that keeps its space', () => {
    expect(tree.role).toBe('Document');
    expect(roles(tree)).toEqual(expect.arrayContaining(['Sect', 'Art']));
    const [art] = all(tree, 'Art');
    expect(roles(art).slice(0, 3)).toEqual(['H2', 'P', 'P']);
    expect(text(art.kids[0].dict['/ActualText'])).toBe('加强组织领导 压实安全责任');
    expect(textOf(all(tree, 'Sect')[0], texts)).toContain('这是导语段落');
    expect(all(art, 'H3').map((h) => textOf(h, texts))).toEqual(['工作要求']);
  });

  it('sets lists as L > LI > Lbl + LBody, the marker in the label', () => {
    const [list] = all(tree, 'L');
    expect(list).toBeDefined();
    expect(roles(list)).toEqual(['LI', 'LI']);
    for (const li of list.kids) expect(roles(li)).toEqual(['Lbl', 'LBody']);
    expect(list.kids.map((li) => textOf(li.kids[0], texts))).toEqual(['1．', '2．']);
    expect(list.kids.map((li) => textOf(li.kids[1], texts))).toEqual(['第一项措施落实到位。', '第二项措施跟踪问效。']);
    expect(roles(list.kids[0].kids[1])).toEqual(['P']);
  });

  it('sets tables as Table > TR > TH (scoped to their column) and TD', () => {
    const [table] = all(tree, 'Table');
    expect(roles(table)).toEqual(['TR', 'TR']);
    expect(roles(table.kids[0])).toEqual(['TH', 'TH']);
    expect(roles(table.kids[1])).toEqual(['TD', 'TD']);
    expect(table.kids[0].kids[0].dict['/A']).toMatchObject({ '/O': '/Table', '/Scope': '/Column' });
    expect(table.kids[1].kids.map((td) => textOf(td, texts).trim())).toEqual(['检查次数', '120']);
  });

  it('has a Note with an ID for the footnote, a BlockQuote of paragraphs, a Figure whose Alt is the alt text with its Caption', () => {
    const [art] = all(tree, 'Art');
    const notes = all(art, 'Note');
    expect(notes).toHaveLength(1);
    expect(text(notes[0].dict['/ID'])).toBeTruthy();
    expect(textOf(notes[0], texts)).toContain('注释的内容');
    const [quote] = all(art, 'BlockQuote');
    expect(roles(quote)).toEqual(['P']);
    const [figure] = all(art, 'Figure');
    expect(text(figure.dict['/Alt'])).toBe('巡查现场的照片');
    expect(roles(figure)).toEqual(['Caption']);
  });

  it('marks footers as pagination artifacts, writes the ParentTree without /Limits, and says PDF/UA-1 in XMP', () => {
    const root = deref(q, q.trailer['/Root']);
    expect(deref(q, deref(q, root['/StructTreeRoot'])['/ParentTree'])['/Limits']).toBeUndefined();
    expect(root['/ViewerPreferences'] && deref(q, root['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(text(root['/Lang'])).toBe('zh-CN');
    const qdf = file.replace(/\.pdf$/, '-qdf.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const raw = tool('sh', ['-c', `LC_ALL=C grep -a -c 'Artifact <</Type /Pagination /Subtype /Footer>> BDC' '${qdf}'`]);
    expect(Number(raw)).toBeGreaterThan(0);
    expect(tool('sh', ['-c', `LC_ALL=C grep -a -o '<pdfuaid:part>1</pdfuaid:part>' '${qdf}' | head -1`]).trim()).toBe('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('joins an article continued overleaf into one Art over both pages, running heads as artifacts', async () => {
    // Uncleaned, the sample is longer than the one page it asks for: it goes on overleaf.
    const { pdf, display } = await compile({ dir: SAMPLE, clean: false, allowOverset: true });
    expect(display.modules!.some((m) => m.continued)).toBe(true);
    const sample = structureTree(qpdfJson(tempPdf(pdf)));
    const arts = all(sample, 'Art');
    expect(arts).toHaveLength(7);
    const pagesOf = (n: Node): Set<number> => new Set([...n.marks.map((m) => m.page), ...n.kids.flatMap((k) => [...pagesOf(k)])]);
    expect(arts.filter((a) => pagesOf(a).size === 2)).toHaveLength(1);
    // Text on the page outside any element is an artifact: the running head is drawn but not in the tree.
    const head = display.pages[1].items.find((i) => i.kind === 'text' && i.tag?.id === 'running-head');
    expect(head?.tag).toMatchObject({ role: 'Artifact', artifact: 'Header' });
  });
});
