// An RGB picture in each press standard, built through compile(): PDF/X-1a
// converts it to CMYK with the output profile; PDF/X-4 keeps it in RGB,
// tied to sRGB by the shipped ICC profile, and embeds the output profile.
// Preflight (run by the build) passes both; read back with qpdf.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/compile.js';
import { article, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import sharp from 'sharp';
import { deref, qpdfJson, tempPdf } from './fixtures.js';

async function bulletinWithPicture(): Promise<string> {
  const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 40, b: 30 } } }).png().toBuffer();
  return writeBulletin({
    'index.md': VALID_INDEX,
    '01-a.md': article('标题一 标题二', '张三', '第一段正文讲述安全生产的重要意义和具体措施。\n\n![现场照片](photo.png)\n\n第二段正文继续讲述。'),
    'photo.png': photo,
  });
}

function imageSpaces(file: string): unknown[] {
  const q = qpdfJson(file);
  return Object.values(q.objects)
    .map((o) => o.stream?.dict)
    .filter((d) => d?.['/Subtype'] === '/Image')
    .map((d) => {
      const space = d['/ColorSpace'];
      return Array.isArray(space) ? [space[0], deref(q, space[1])['/N']] : space;
    });
}

describe('pictures in the press standards', () => {
  it('converts RGB to CMYK for PDF/X-1a and keeps ICC-based RGB for PDF/X-4, both passing preflight', async () => {
    const dir = await bulletinWithPicture();
    const x1a = await compile({ dir, press: 'x1a-2001' });
    expect(imageSpaces(tempPdf(x1a.pdf))).toEqual(['/DeviceCMYK']);
    const x4 = await compile({ dir, press: 'x4' });
    const file = tempPdf(x4.pdf);
    expect(imageSpaces(file)).toEqual([['/ICCBased', 3]]);
    const q = qpdfJson(file);
    const intent = deref(q, deref(q, q.trailer['/Root'])['/OutputIntents'][0]);
    expect(deref(q, intent['/DestOutputProfile'])['/N']).toBe(4);
    expect(x4.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses PDF/X-4 for another output condition without its profile', async () => {
    await expect(compile({ dir: await bulletinWithPicture(), press: 'x4', outputCondition: 'FOGRA51' })).rejects.toThrow(/FOGRA51 with --output-profile/);
  });
});
