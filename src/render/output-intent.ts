// The PDF/X OutputIntent: which printing condition the CMYK numbers are meant
// for. A registered condition (ICC's registry at www.color.org) may be named
// without a profile; an ICC file given by the user is embedded as
// DestOutputProfile after checking it is a 4-channel output profile.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import { REGISTERED } from './standards.js';

/** Reads an ICC profile and checks the header: it must describe a CMYK output ('prtr') device. */
export function readCmykProfile(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes.length < 128) throw new Error(`${path}: not an ICC profile (shorter than its 128-byte header)`);
  const ascii = (o: number) => bytes.subarray(o, o + 4).toString('latin1');
  if (ascii(36) !== 'acsp') throw new Error(`${path}: not an ICC profile (no 'acsp' signature)`);
  if (ascii(12) !== 'prtr') throw new Error(`${path}: ICC profile class is '${ascii(12)}', PDF/X needs an output ('prtr') profile`);
  if (ascii(16) !== 'CMYK') throw new Error(`${path}: ICC profile colour space is '${ascii(16).trim()}', PDF/X-1a needs CMYK`);
  return bytes;
}

/** The OutputIntent for the catalog: /GTS_PDFX for print standards, /GTS_PDFA1 for PDF/A (`kind`). */
export function outputIntent(doc: PdfDoc, condition: string, profilePath: string | undefined, kind: 'GTS_PDFX' | 'GTS_PDFA1' = 'GTS_PDFX'): PdfRef {
  const intent: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: kind,
    OutputCondition: new String(REGISTERED[condition] ?? condition),
    OutputConditionIdentifier: new String(condition),
    RegistryName: new String('http://www.color.org'),
    Info: new String(REGISTERED[condition] ?? condition),
  };
  if (profilePath) {
    const profile = doc.ref({ N: 4, Filter: 'FlateDecode' });
    profile.end(deflatedProfile(readCmykProfile(profilePath)));
    intent.DestOutputProfile = profile;
  }
  const ref = doc.ref(intent);
  ref.end();
  return ref;
}

/** The profile last deflated: its bytes and their deflated stream. */
let lastDeflated: { bytes: Buffer; deflated: Buffer } | undefined;

/**
 * A profile's bytes deflated at zlib's default level. The shipped profile is large and the same in every build, so the
 * result is kept for the bytes last seen: a `--watch` session deflates it
 * once, and the start-up snapshot holds it already deflated (src/snapshot.ts).
 */
export function deflatedProfile(bytes: Buffer): Buffer {
  if (!lastDeflated?.bytes.equals(bytes)) lastDeflated = { bytes, deflated: deflateSync(bytes) };
  return lastDeflated.deflated;
}
