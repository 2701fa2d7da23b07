// The print standards a press build can claim, and what each one fixes: the
// PDF version of the header, the identification keys (Info and XMP), and what
// the content may use. Render writes from this table and preflight checks
// against the same rules, read back from the file's own claim.
//
// - PDF/X-1a:2001 (ISO 15930-1): PDF 1.3, CMYK and spot colour only, no
//   transparency; Info carries GTS_PDFXVersion `PDF/X-1:2001` and
//   GTS_PDFXConformance `PDF/X-1a:2001`. PDF 1.3 has no Metadata stream, so
//   the file carries no XMP.
// - PDF/X-1a:2003 (ISO 15930-4): PDF 1.4, the same colour rules;
//   GTS_PDFXVersion `PDF/X-1a:2003` in Info and in XMP.
// - PDF/X-4 (ISO 15930-7:2010): PDF 1.6, ICC-based colour and live
//   transparency allowed; the OutputIntent embeds its profile; GTS_PDFXVersion
//   `PDF/X-4` in Info and in XMP (pdfxid namespace), with xmpMM ids.
// - PDF/A-2u (ISO 19005-2, level U), the screen build's: PDF 1.7, an
//   OutputIntent /GTS_PDFA1 embedding its profile, device colour only in the
//   intent's space (CMYK here: RGB pictures are ICC-based sRGB), every font
//   embedded with a ToUnicode map, XMP with pdfaid part 2 and conformance U
//   (and an extension schema for any other schema it uses).

export type PressStandard = 'x1a-2001' | 'x1a-2003' | 'x4';

export const PRESS_STANDARDS: readonly PressStandard[] = ['x1a-2001', 'x1a-2003', 'x4'];

export interface StandardRules {
  id: PressStandard | 'pdfa-2u';
  /** PDF/X (print) or PDF/A (archive): which document rules apply. */
  family: 'pdfx' | 'pdfa';
  /** The OutputIntent's /S. */
  intent: 'GTS_PDFX' | 'GTS_PDFA1';
  /** The name the standard is known by, for messages and the README. */
  label: string;
  /** The header's version (`%PDF-1.3`): exactly this. */
  pdfVersion: '1.3' | '1.4' | '1.6' | '1.7';
  /** Info /GTS_PDFXVersion (and XMP pdfx/pdfxid GTS_PDFXVersion); '' for PDF/A. */
  gtsVersion: string;
  /** Info /GTS_PDFXConformance, when the standard has one. */
  gtsConformance?: string;
  /** Whether the file carries an XMP packet (PDF 1.4 and later). */
  xmp: boolean;
  /** The XMP namespace of the GTS keys. */
  xmpNamespace?: { prefix: string; uri: string };
  /** The OutputIntent's colour space: the one device space allowed besides grey. */
  outputSpace: 'cmyk' | 'rgb';
  /** ICC-based colour spaces (other than the OutputIntent's) allowed. */
  iccColour: boolean;
  /** Soft masks, constant alpha below 1, blend modes, transparency groups allowed. */
  transparency: boolean;
  /** The OutputIntent must embed its profile (DestOutputProfile). */
  embeddedProfile: boolean;
}

export const STANDARDS: Record<PressStandard, StandardRules> = {
  'x1a-2001': {
    id: 'x1a-2001', family: 'pdfx', intent: 'GTS_PDFX', label: 'PDF/X-1a:2001', pdfVersion: '1.3', gtsVersion: 'PDF/X-1:2001', gtsConformance: 'PDF/X-1a:2001',
    xmp: false, outputSpace: 'cmyk', iccColour: false, transparency: false, embeddedProfile: false,
  },
  'x1a-2003': {
    id: 'x1a-2003', family: 'pdfx', intent: 'GTS_PDFX', label: 'PDF/X-1a:2003', pdfVersion: '1.4', gtsVersion: 'PDF/X-1a:2003', gtsConformance: 'PDF/X-1a:2003',
    xmp: true, xmpNamespace: { prefix: 'pdfx', uri: 'http://ns.adobe.com/pdfx/1.3/' },
    outputSpace: 'cmyk', iccColour: false, transparency: false, embeddedProfile: false,
  },
  x4: {
    id: 'x4', family: 'pdfx', intent: 'GTS_PDFX', label: 'PDF/X-4', pdfVersion: '1.6', gtsVersion: 'PDF/X-4',
    xmp: true, xmpNamespace: { prefix: 'pdfxid', uri: 'http://www.npes.org/pdfx/ns/id/' },
    outputSpace: 'cmyk', iccColour: true, transparency: true, embeddedProfile: true,
  },
};

/** The screen build's standard: PDF/A-2u, for deposit in an archive. */
export const ARCHIVE: StandardRules = {
  id: 'pdfa-2u', family: 'pdfa', intent: 'GTS_PDFA1', label: 'PDF/A-2u', pdfVersion: '1.7', gtsVersion: '',
  xmp: true, outputSpace: 'cmyk', iccColour: true, transparency: true, embeddedProfile: true,
};

/** `--press` alone, and `press: true` in a template: the 2001 edition. */
export const DEFAULT_PRESS: PressStandard = 'x1a-2001';

/** A `--press[=…]` or template value as a standard; undefined for a screen build; throws on an unknown name. */
export function pressStandard(value: boolean | string | undefined): PressStandard | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_PRESS;
  const v = value.toLowerCase();
  if ((PRESS_STANDARDS as readonly string[]).includes(v)) return v as PressStandard;
  throw new Error(`unknown press standard "${value}": use ${PRESS_STANDARDS.join(', ')}`);
}

/** The standard a GTS_PDFXVersion names (what a file claims), if bulletin knows it. */
export function standardOfVersion(gtsVersion: string | undefined): StandardRules | undefined {
  if (gtsVersion === undefined) return undefined;
  for (const s of Object.values(STANDARDS)) {
    if (s.gtsVersion === gtsVersion.trim()) return s;
  }
  return undefined;
}

/**
 * Registered characterisation data (ICC's registry at www.color.org) → the
 * description printers know them by: the writer names them in an
 * OutputIntent, preflight accepts them without an embedded profile.
 */
export const REGISTERED: Record<string, string> = {
  FOGRA39: 'Coated FOGRA39 (ISO 12647-2:2004)',
  FOGRA51: 'PSO Coated v3 (FOGRA51)',
  FOGRA52: 'PSO Uncoated v3 (FOGRA52)',
  'CGATS TR 001': 'SWOP (Publication) Grade 5 Paper',
  'CGATS TR 006': 'GRACoL 2006 Coated #1',
  CGATS21_CRPC6: 'GRACoL 2013 (CGATS.21-2 CRPC6)',
};

export function isRegisteredCondition(id: string): boolean {
  return id in REGISTERED;
}
