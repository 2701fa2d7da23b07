// Reading properties out of an XMP packet (ISO 16684-1) for preflight: by
// namespace URI and local name, whatever prefix the writer chose, in element
// form (`<dc:title><rdf:Alt><rdf:li …>…</rdf:li></rdf:Alt></dc:title>`) or
// attribute form (`pdfx:GTS_PDFXVersion="…"`). Enough for comparing XMP with
// the Info dictionary; not a general RDF parser.

export const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfx: 'http://ns.adobe.com/pdfx/1.3/',
  pdfxid: 'http://www.npes.org/pdfx/ns/id/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
} as const;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Xmp {
  private readonly prefixes = new Map<string, string[]>();

  constructor(readonly xml: string) {
    for (const m of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
      const list = this.prefixes.get(m[2]) ?? [];
      if (!list.includes(m[1])) list.push(m[1]);
      this.prefixes.set(m[2], list);
    }
  }

  /** The property's value: a simple value, or the items of an Alt/Seq/Bag (x-default first), joined by ', '. */
  get(uri: string, local: string): string | undefined {
    for (const prefix of this.prefixes.get(uri) ?? []) {
      const name = `${escapeRe(prefix)}:${escapeRe(local)}`;
      const element = new RegExp(`<${name}(\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(this.xml);
      if (element) return itemsOf(element[2]);
      const attribute = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(this.xml) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(this.xml);
      if (attribute) return unescapeXml(attribute[1]);
    }
    return undefined;
  }
}

function itemsOf(inner: string): string {
  const items = [...inner.matchAll(/<rdf:li(\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)];
  if (items.length === 0) return unescapeXml(inner.trim());
  const preferred = items.find((m) => /xml:lang\s*=\s*["']x-default["']/.test(m[1] ?? ''));
  if (preferred) return unescapeXml(preferred[2]);
  return items.map((m) => unescapeXml(m[2])).join(', ');
}
