// What a PDF claims to be, and whether the document-level keys agree with
// the claim: the PDF/X identification in Info and in XMP, Info against XMP,
// the version against the standard, the OutputIntent, Trapped, JavaScript
// and encryption. Read from the bytes alone (pdf-reader.ts).
import type { Severity } from '../diagnostics/diagnostic.js';
import { type PdfDict, type PdfFile, PdfNameValue, PdfStream, decodeStream, textString, type PdfValue } from './pdf-reader.js';
import { ARCHIVE, isRegisteredCondition, standardOfVersion, type StandardRules } from './standards.js';
import { NS, Xmp } from './xmp-read.js';

export type Report = (page: number, severity: Severity, rule: string, message: string) => void;

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfNameValue ? v.name : undefined;
}

/** The document's XMP packet (the catalog's /Metadata), if it has one that can be read. */
export function documentXmp(doc: PdfFile): Xmp | undefined {
  const stream = doc.resolve(doc.catalog?.get('Metadata'));
  if (!(stream instanceof PdfStream)) return undefined;
  const data = decodeStream(stream);
  return data ? new Xmp(Buffer.from(data).toString('utf8')) : undefined;
}

function infoText(doc: PdfFile, key: string): string | undefined {
  return textString(doc.resolve(doc.info?.get(key)));
}

/** The GTS_PDFXVersion the file states: Info's, else XMP's (pdfx or pdfxid). */
function claimedVersion(doc: PdfFile, xmp: Xmp | undefined): string | undefined {
  return infoText(doc, 'GTS_PDFXVersion') ?? xmp?.get(NS.pdfxid, 'GTS_PDFXVersion') ?? xmp?.get(NS.pdfx, 'GTS_PDFXVersion');
}

export interface Claim {
  /** The standard whose rules apply, when the file claims one bulletin knows. */
  rules?: StandardRules;
  xmp?: Xmp;
}

/**
 * Reads the claim and checks the identification keys. `press`: the caller
 * expects a PDF/X file, so a file that claims none is an error.
 */
export function checkClaim(doc: PdfFile, press: boolean, report: Report): Claim {
  const xmp = documentXmp(doc);
  const version = claimedVersion(doc, xmp);
  if (version === undefined) {
    if (press) report(0, 'error', 'pdfx-version-missing', 'the file claims no PDF/X standard: the Info dictionary has no GTS_PDFXVersion');
    else if (xmp?.get(NS.pdfaid, 'part') !== undefined) return { rules: archiveRules(doc, xmp, report), xmp };
    return { xmp };
  }
  const rules = standardOfVersion(version);
  if (!rules) {
    report(0, 'error', 'pdfx-unknown', `the file claims "${version}", which is none of the standards bulletin writes and checks (PDF/X-1a:2001, PDF/X-1a:2003, PDF/X-4)`);
    return { xmp };
  }
  if (infoText(doc, 'GTS_PDFXVersion') === undefined) {
    report(0, 'error', 'pdfx-version-missing', `the Info dictionary has no GTS_PDFXVersion (XMP says ${version}); ${rules.label} needs it in Info`);
  }
  checkConformance(doc, rules, report);
  checkVersion(doc, rules, report);
  checkXmpClaim(xmp, rules, report);
  return { rules, xmp };
}

/**
 * A PDF/A claim (XMP pdfaid): bulletin checks PDF/A-2's rules at level U;
 * the device colour allowed is the OutputIntent profile's.
 */
function archiveRules(doc: PdfFile, xmp: Xmp, report: Report): StandardRules | undefined {
  const part = xmp.get(NS.pdfaid, 'part');
  const conformance = xmp.get(NS.pdfaid, 'conformance');
  if (part !== '2') {
    report(0, 'error', 'pdfa-unknown', `the file claims PDF/A-${part}${conformance ?? ''}, which is not the PDF/A-2u bulletin writes and checks`);
    return undefined;
  }
  if (conformance !== 'U' && conformance !== 'A') {
    report(0, 'warning', 'pdfa-conformance', `the file claims PDF/A-2${conformance ?? ''}: checked as PDF/A-2u (every font with a ToUnicode map)`);
  }
  checkVersion(doc, ARCHIVE, report);
  const intent = outputIntents(doc).find((d) => nameOf(d.get('S')) === 'GTS_PDFA1');
  const profile = doc.resolve(intent?.get('DestOutputProfile'));
  const n = profile instanceof PdfStream ? Number(doc.resolve(profile.dict.get('N'))) : 0;
  return { ...ARCHIVE, outputSpace: n === 3 ? 'rgb' : 'cmyk' };
}

/** PDF/A's document rules: an OutputIntent /GTS_PDFA1 with its profile embedded, no encryption (the /ID is checked for every standard). */
export function checkArchiveDocument(doc: PdfFile, report: Report): void {
  const intents = outputIntents(doc).filter((d) => nameOf(d.get('S')) === 'GTS_PDFA1');
  if (intents.length === 0) report(0, 'error', 'output-intent-missing', 'no OutputIntent with /S /GTS_PDFA1 in the catalog (PDF/A needs one for device colour)');
  for (const intent of intents) {
    const profile = doc.resolve(intent.get('DestOutputProfile'));
    const n = profile instanceof PdfStream ? Number(doc.resolve(profile.dict.get('N'))) : 0;
    if (n !== 3 && n !== 4) report(0, 'error', 'output-intent-profile', 'the PDF/A OutputIntent embeds no RGB or CMYK profile (DestOutputProfile)');
  }
  if (doc.trailer.get('Encrypt')) report(0, 'error', 'encrypted', 'the file is encrypted (PDF/A forbids it)');
}

function checkConformance(doc: PdfFile, rules: StandardRules, report: Report): void {
  const conformance = infoText(doc, 'GTS_PDFXConformance');
  if (!rules.gtsConformance) return;
  if (conformance === undefined) {
    report(0, 'error', 'pdfx-conformance', `the Info dictionary has no GTS_PDFXConformance: ${rules.label} needs (${rules.gtsConformance})`);
  } else if (conformance.trim() !== rules.gtsConformance) {
    report(0, 'error', 'pdfx-conformance', `GTS_PDFXConformance is "${conformance}", but GTS_PDFXVersion ${rules.gtsVersion} needs "${rules.gtsConformance}"`);
  }
}

/** The header's version, raised by the catalog's /Version (PDF 1.4), against the standard's. */
function checkVersion(doc: PdfFile, rules: StandardRules, report: Report): void {
  const catalogVersion = nameOf(doc.resolve(doc.catalog?.get('Version')));
  const versions = [Number(doc.version), catalogVersion ? Number(catalogVersion) : 0];
  const effective = Math.max(...versions.filter((v) => Number.isFinite(v)));
  if (effective > Number(rules.pdfVersion)) {
    const how = catalogVersion && Number(catalogVersion) === effective ? `the catalog's /Version ${catalogVersion}` : `the header %PDF-${doc.version}`;
    report(0, 'error', 'pdf-version', `${how}: ${rules.label} is based on PDF ${rules.pdfVersion} and allows no later version`);
  }
}

function checkXmpClaim(xmp: Xmp | undefined, rules: StandardRules, report: Report): void {
  if (!rules.xmp || !rules.xmpNamespace) return;
  if (!xmp) {
    report(0, 'error', 'xmp-missing', `${rules.label} needs an XMP packet (the catalog's /Metadata) with the PDF/X identification`);
    return;
  }
  const ns = rules.xmpNamespace;
  const version = xmp.get(ns.uri, 'GTS_PDFXVersion');
  if (version !== rules.gtsVersion) {
    report(0, 'error', 'xmp-info-mismatch', `XMP ${ns.prefix}:GTS_PDFXVersion is ${version === undefined ? 'missing' : `"${version}"`}, Info says "${rules.gtsVersion}"`);
  }
  if (rules.gtsConformance) {
    const conformance = xmp.get(ns.uri, 'GTS_PDFXConformance');
    if (conformance !== undefined && conformance !== rules.gtsConformance) {
      report(0, 'error', 'xmp-info-mismatch', `XMP ${ns.prefix}:GTS_PDFXConformance is "${conformance}", Info says "${rules.gtsConformance}"`);
    }
  }
}

/** Info entries and the XMP properties that must say the same (ISO 32000-1, 14.3.2; PDF/X and PDF/A). */
const INFO_XMP: { key: string; uri: string; local: string }[] = [
  { key: 'Title', uri: NS.dc, local: 'title' },
  { key: 'Author', uri: NS.dc, local: 'creator' },
  { key: 'Subject', uri: NS.dc, local: 'description' },
  { key: 'Keywords', uri: NS.pdf, local: 'Keywords' },
  { key: 'Producer', uri: NS.pdf, local: 'Producer' },
  { key: 'Creator', uri: NS.xmp, local: 'CreatorTool' },
];

/** Each Info text entry against its XMP property, and the dates as instants. */
export function checkInfoAgainstXmp(doc: PdfFile, xmp: Xmp, report: Report): void {
  for (const { key, uri, local } of INFO_XMP) {
    const info = infoText(doc, key);
    const meta = xmp.get(uri, local);
    if (info === undefined && meta === undefined) continue;
    if (info !== meta) {
      report(0, 'error', 'xmp-info-mismatch', `Info /${key} is ${info === undefined ? 'missing' : `"${info}"`} but XMP's ${local} is ${meta === undefined ? 'missing' : `"${meta}"`}`);
    }
  }
  for (const [key, local] of [['CreationDate', 'CreateDate'], ['ModDate', 'ModifyDate']] as const) {
    const info = pdfDate(infoText(doc, key));
    const meta = xmp.get(NS.xmp, local);
    const metaTime = meta === undefined ? undefined : Date.parse(meta);
    if (info === undefined && meta === undefined) continue;
    if (info === undefined || metaTime === undefined || Number.isNaN(metaTime) || Math.abs(info - metaTime) > 1000) {
      report(0, 'error', 'xmp-info-mismatch', `Info /${key} and XMP's xmp:${local} differ (${infoText(doc, key) ?? 'missing'} / ${meta ?? 'missing'})`);
    }
  }
  const trapped = nameOf(doc.resolve(doc.info?.get('Trapped')));
  const xmpTrapped = xmp.get(NS.pdf, 'Trapped');
  if (trapped !== undefined && xmpTrapped !== undefined && trapped !== xmpTrapped) {
    report(0, 'error', 'xmp-info-mismatch', `Info /Trapped is /${trapped} but XMP's pdf:Trapped is ${xmpTrapped}`);
  }
}

/** A PDF date (`D:YYYYMMDDHHmmSS+HH'mm'`) as milliseconds since the epoch. */
function pdfDate(s: string | undefined): number | undefined {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', zone = 'Z'] = m;
  const tz = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${se}${tz}`);
}

/** OutputIntent, Trapped, dates and encryption: what every PDF/X standard asks of the document. */
export function checkPdfxDocument(doc: PdfFile, rules: StandardRules | undefined, report: Report): void {
  const pdfx = outputIntents(doc).filter((d) => nameOf(d.get('S')) === 'GTS_PDFX');
  if (pdfx.length === 0) report(0, 'error', 'output-intent-missing', 'no OutputIntent with /S /GTS_PDFX in the catalog');
  for (const intent of pdfx) checkOutputIntent(doc, intent, rules, report);
  const trapped = nameOf(doc.resolve(doc.info?.get('Trapped')));
  if (trapped !== 'True' && trapped !== 'False') {
    report(0, 'error', 'trapped-key', 'the Info dictionary has no /Trapped /True or /False (a name, not a string)');
  }
  for (const key of ['CreationDate', 'ModDate']) {
    if (!infoText(doc, key)) report(0, 'error', 'info-date-missing', `the Info dictionary has no ${key}`);
  }
  if (doc.trailer.get('Encrypt')) report(0, 'error', 'encrypted', 'the file is encrypted (PDF/X forbids it)');
}

function outputIntents(doc: PdfFile): PdfDict[] {
  const intents = doc.resolve(doc.catalog?.get('OutputIntents'));
  if (!Array.isArray(intents)) return [];
  return intents.map((i) => doc.dict(i)).filter((d): d is PdfDict => d !== undefined);
}

function checkOutputIntent(doc: PdfFile, intent: PdfDict, rules: StandardRules | undefined, report: Report): void {
  const identifier = textString(doc.resolve(intent.get('OutputConditionIdentifier')));
  if (!identifier) report(0, 'error', 'output-intent-identifier', 'the PDF/X OutputIntent has no OutputConditionIdentifier');
  const profile = doc.resolve(intent.get('DestOutputProfile'));
  if (!profile && rules?.embeddedProfile) {
    report(0, 'error', 'output-intent-profile', `${rules.label} needs the output profile embedded in the OutputIntent (DestOutputProfile)`);
  } else if (identifier && !profile && !isRegisteredCondition(identifier)) {
    report(0, 'warning', 'output-intent-unregistered',
      `the output condition "${identifier}" is not one bulletin knows to be in the ICC registry, and no profile is embedded: give the ICC profile (outputProfile)`);
  }
  if (!profile && !textString(doc.resolve(intent.get('RegistryName')))) {
    report(0, 'error', 'output-intent-profile', 'the PDF/X OutputIntent has neither DestOutputProfile nor RegistryName');
  }
  if (profile instanceof PdfStream && Number(doc.resolve(profile.dict.get('N'))) !== 4) {
    report(0, 'error', 'output-intent-profile', 'the PDF/X OutputIntent profile is not 4-channel (CMYK)');
  }
}
