// Document metadata: the Info dictionary and the XMP packet, from
// DisplayList.meta. Dates never come from the clock (reproducible builds):
// the issue date, else the caller's date, else SOURCE_DATE_EPOCH, else the
// Unix epoch.
import type { DocumentMeta } from '../layout/display-list.js';
import type { PdfDoc } from './pdfkit-internals.js';

/**
 * A PDF name for an Info value. pdfkit turns every JS string in `info` into a PDF
 * string; an object that is not a plain Object is written with `toString()`, so
 * this prints `/False` (FACTS.md: /Trapped must be a name).
 */
export class PdfName {
  constructor(readonly name: string) {}
  get [Symbol.toStringTag](): string {
    return 'PdfName';
  }
  toString(): string {
    return `/${this.name}`;
  }
  valueOf(): string {
    return this.name;
  }
}

/** The PDF/X-1a:2001 identification (ISO 15930-1): version names the PDF/X-1 family, conformance the -1a level. */
export const PDFX_VERSION = 'PDF/X-1:2001';
export const PDFX_CONFORMANCE = 'PDF/X-1a:2001';

export function documentDate(meta: DocumentMeta, creationDate: Date | undefined, env: NodeJS.ProcessEnv): Date {
  if (meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    const d = new Date(`${meta.date}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  if (creationDate && !Number.isNaN(creationDate.getTime())) return creationDate;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(0);
}

export interface InfoInput {
  meta: DocumentMeta;
  date: Date;
  producer: string;
  press: boolean;
}

/** The Info dictionary as pdfkit's `info` option (strings become PDF text strings, UTF-16 when needed). */
export function infoDictionary(i: InfoInput): Record<string, unknown> {
  const info: Record<string, unknown> = {
    Title: i.meta.title,
    Author: i.meta.author,
    Creator: 'bulletin',
    Producer: i.producer,
    CreationDate: i.date,
    ModDate: i.date,
  };
  if (i.meta.subject) info.Subject = i.meta.subject;
  if (i.meta.keywords && i.meta.keywords.length > 0) info.Keywords = i.meta.keywords.join(', ');
  if (i.press) {
    info.GTS_PDFXVersion = PDFX_VERSION;
    info.GTS_PDFXConformance = PDFX_CONFORMANCE;
    info.Trapped = new PdfName('False');
  }
  return info;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The rdf:Description elements of the XMP packet, mirroring Info (ISO 16684 names). */
export function xmpDescriptions(i: InfoInput): string {
  const m = i.meta;
  const date = isoDate(i.date);
  const lang = xml(m.lang || 'zh-CN');
  const out: string[] = [];
  out.push(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>bulletin</xmp:CreatorTool>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
  );
  if (m.subject) {
    out.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>`);
  }
  if (m.keywords && m.keywords.length > 0) {
    out.push(`<dc:subject><rdf:Bag>${m.keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  }
  out.push(`</rdf:Description>`);
  out.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`, `<pdf:Producer>${xml(i.producer)}</pdf:Producer>`);
  if (m.keywords && m.keywords.length > 0) out.push(`<pdf:Keywords>${xml(m.keywords.join(', '))}</pdf:Keywords>`);
  if (i.press) out.push(`<pdf:Trapped>False</pdf:Trapped>`);
  out.push(`</rdf:Description>`);
  if (i.press) {
    out.push(
      `<rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">`,
      `<pdfx:GTS_PDFXVersion>${PDFX_VERSION}</pdfx:GTS_PDFXVersion>`,
      `<pdfx:GTS_PDFXConformance>${PDFX_CONFORMANCE}</pdfx:GTS_PDFXConformance>`,
      `</rdf:Description>`,
    );
  }
  return out.join('\n');
}

/**
 * Replaces pdfkit's XMP body (which does not escape XML and omits ModifyDate and
 * the language) with ours; pdfkit still writes the packet wrapper and the
 * uncompressed /Metadata stream.
 */
export function installXmp(doc: PdfDoc, i: InfoInput): void {
  doc._addInfo = () => doc.metadata.append(xmpDescriptions(i));
}
