// Word documents made in the tests: a .docx is a zip of WordprocessingML
// parts ([Content_Types].xml, the package relationships, word/document.xml,
// its styles, numbering and media). Only what the importer reads is written:
// paragraph styles (headings), runs (bold, italic), footnotes, numbered and
// bulleted lists, tables and inline pictures with their description (alt text).
import JSZip from 'jszip';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A footnote on this run: its mark follows the text, its text goes to word/footnotes.xml. */
  note?: string;
}

export type Block =
  | { kind: 'p'; runs: Run[]; style?: 'Heading1' | 'Heading2' | 'Title'; list?: 'ordered' | 'bullet' }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'image'; data: Buffer; contentType: 'image/png' | 'image/jpeg' | 'image/x-emf'; alt?: string };

/** A paragraph from plain text, or from `**bold**` and `*italic*` marked text. */
export function p(text: string, extra: Partial<Omit<Extract<Block, { kind: 'p' }>, 'kind' | 'runs'>> = {}): Block {
  const runs: Run[] = [];
  for (const m of text.matchAll(/\*\*(.+?)\*\*|\*(.+?)\*|([^*]+)/gu)) {
    if (m[1]) runs.push({ text: m[1], bold: true });
    else if (m[2]) runs.push({ text: m[2], italic: true });
    else runs.push({ text: m[3] });
  }
  return { kind: 'p', runs, ...extra };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** `notes` collects the footnotes' texts; a note's id is its place there, from 1. */
function run(r: Run, notes: string[]): string {
  const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`;
  const text = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
  if (r.note === undefined) return text;
  notes.push(r.note);
  return `${text}<w:r><w:footnoteReference w:id="${notes.length}"/></w:r>`;
}

function footnotes(notes: string[]): string {
  const note = (text: string, i: number) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:footnote>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${NS}>${notes.map(note).join('')}</w:footnotes>`;
}

function paragraph(b: Extract<Block, { kind: 'p' }>, notes: string[]): string {
  const props = [
    b.style ? `<w:pStyle w:val="${b.style}"/>` : '',
    b.list ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${b.list === 'ordered' ? 1 : 2}"/></w:numPr>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${b.runs.map((r) => run(r, notes)).join('')}</w:p>`;
}

function picture(rel: string, id: number, alt: string | undefined): string {
  return (
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="476250"/><wp:docPr id="${id}" name="Picture ${id}"${alt ? ` descr="${esc(alt)}"` : ''}/>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="image${id}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rel}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

function table(rows: string[][]): string {
  const cell = (t: string) => `<w:tc><w:p>${run({ text: t }, [])}</w:p></w:tc>`;
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/x-emf': 'emf' };

/** The .docx bytes of a document made of `blocks`. */
export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const zip = new JSZip();
  const rels: string[] = [
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
  ];
  const body: string[] = [];
  const notes: string[] = [];
  let images = 0;
  for (const b of blocks) {
    if (b.kind === 'p') body.push(paragraph(b, notes));
    else if (b.kind === 'table') body.push(table(b.rows));
    else {
      images += 1;
      const name = `media/image${images}.${EXT[b.contentType]}`;
      zip.file(`word/${name}`, b.data);
      rels.push(`<Relationship Id="rIdImage${images}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${name}"/>`);
      body.push(picture(`rIdImage${images}`, images, b.alt));
    }
  }
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Default Extension="emf" ContentType="image/x-emf"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  rels.push('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>');
  zip.file('word/footnotes.xml', footnotes(notes));
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
