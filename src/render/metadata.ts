// Document metadata: the Info dictionary and the XMP packet, from
// DisplayList.meta. Dates never come from the clock (reproducible builds):
// the issue date, else the caller's date, else SOURCE_DATE_EPOCH, else the
// Unix epoch.
import type { DocumentMeta } from '../layout/display-list.js';
import { createHash } from 'node:crypto';
import type { StandardRules } from './standards.js';

/**
 * A PDF name for an Info value. pdfkit turns every JS string in `info` into a PDF
 * string; an object that is not a plain Object is written with `toString()`, so
 * this prints `/False` (docs/design/FACTS.md: /Trapped must be a name).
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
  /** The press standard claimed (standards.ts), or none for a screen build. */
  press?: StandardRules;
  /** The file is tagged as PDF/UA-1 asks (structure, /Lang, DisplayDocTitle): say so in XMP. */
  accessible?: boolean;
  /** The file is PDF/A-2u (the screen build): pdfaid in XMP, with the schemas PDF/A does not predefine described. */
  archive?: boolean;
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
    info.GTS_PDFXVersion = i.press.gtsVersion;
    if (i.press.gtsConformance) info.GTS_PDFXConformance = i.press.gtsConformance;
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
  const ns = i.press?.xmpNamespace;
  if (i.press && ns) {
    out.push(`<rdf:Description rdf:about="" xmlns:${ns.prefix}="${ns.uri}">`, `<${ns.prefix}:GTS_PDFXVersion>${i.press.gtsVersion}</${ns.prefix}:GTS_PDFXVersion>`);
    if (i.press.gtsConformance) out.push(`<${ns.prefix}:GTS_PDFXConformance>${i.press.gtsConformance}</${ns.prefix}:GTS_PDFXConformance>`);
    out.push(`</rdf:Description>`);
  }
  if (i.press?.id === 'x4') out.push(...mediaManagement(i));
  if (i.accessible) {
    out.push(`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">`, `<pdfuaid:part>1</pdfuaid:part>`, `</rdf:Description>`);
  }
  if (i.archive) out.push(...archiveIdentification(i.accessible === true));
  return out.join('\n');
}

/**
 * PDF/A-2u's identification, and the description PDF/A asks for of every
 * schema it does not predefine (ISO 19005-2, 6.6.2.3): here pdfuaid's.
 */
function archiveIdentification(accessible: boolean): string[] {
  const out = [
    `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
    `<pdfaid:part>2</pdfaid:part>`,
    `<pdfaid:conformance>U</pdfaid:conformance>`,
    `</rdf:Description>`,
  ];
  if (!accessible) return out;
  out.push(
    `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">`,
    `<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">`,
    `<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>`,
    `<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>`,
    `<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`,
    `<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">`,
    `<pdfaProperty:name>part</pdfaProperty:name>`,
    `<pdfaProperty:valueType>Integer</pdfaProperty:valueType>`,
    `<pdfaProperty:category>internal</pdfaProperty:category>`,
    `<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>`,
    `</rdf:li></rdf:Seq></pdfaSchema:property>`,
    `</rdf:li></rdf:Bag></pdfaExtension:schemas>`,
    `</rdf:Description>`,
  );
  return out;
}

/**
 * The xmpMM identifiers PDF/X-4 asks for. They are derived from the document's
 * metadata, not drawn at random, so that the same input gives the same bytes.
 */
function mediaManagement(i: InfoInput): string[] {
  const hex = createHash('md5').update(JSON.stringify([i.meta, isoDate(i.date), i.producer])).digest('hex');
  const uuid = `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return [
    `<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `<xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>`,
    `<xmpMM:VersionID>1</xmpMM:VersionID>`,
    `<xmpMM:RenditionClass>default</xmpMM:RenditionClass>`,
    `</rdf:Description>`,
  ];
}

/**
 * The XMP packet (ISO 16684-1): the descriptions above in an xpacket wrapper,
 * as UTF-8. Render writes it as the catalog's /Metadata stream itself:
 * pdfkit's own packet does not escape XML and omits ModifyDate and the
 * language.
 */
export function xmpPacket(i: InfoInput): Uint8Array {
  const packet = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    xmpDescriptions(i),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return new TextEncoder().encode(packet.join('\n'));
}
