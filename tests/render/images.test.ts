// Images as the image stage hands them to render (src/images/print.ts):
// placed at the display list's box, tagged as Figure with their alt text; an
// RGB image in press output is something preflight must catch (render does
// not convert colour).
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PdfImage } from '../../src/images/print.js';
import { renderPdf } from '../../src/render/index.js';
import { preflight } from '../../src/render/preflight.js';
import { deref, list, qpdfJson, run, tempPdf, tool } from './fixtures.js';

/** A 4 × 2 picture as the image stage writes it: 8-bit samples, deflated. */
function picture(colorSpace: 'DeviceGray' | 'DeviceRGB'): PdfImage {
  const samples = Buffer.alloc(8 * (colorSpace === 'DeviceRGB' ? 3 : 1), 0x80);
  return { label: 'I1', width: 4, height: 2, colorSpace, filter: 'FlateDecode', data: deflateSync(samples) };
}

describe('images', () => {
  it('places an image in its box, tagged as a Figure with alt text', async () => {
    const path = 'grey.png';
    const images = new Map([[path, picture('DeviceGray')]]);
    const l = list([
      [
        run('图片说明', 50, 100, { tag: { role: 'P', id: 'p' } }),
        { kind: 'image', path, x: 100, y: 200, w: 200, h: 100, alt: '安全生产现场', tag: { role: 'Figure', id: 'fig' } },
      ],
    ]);
    const file = tempPdf(await renderPdf(l, { images }));
    const q = qpdfJson(file);
    const root = deref(q, q.trailer['/Root']);
    const document = deref(q, [deref(q, root['/StructTreeRoot'])['/K']].flat()[0]);
    const figure = deref(q, document['/K'][1]);
    expect(figure['/S']).toBe('/Figure');
    expect(figure['/Alt']).toBe('u:安全生产现场');
    const page = deref(q, q.pages[0].object);
    const xobjects = deref(q, deref(q, page['/Resources'])['/XObject']);
    const image = deref(q, Object.values(xobjects)[0]);
    expect(image['/ColorSpace']).toBe('/DeviceGray');
    // Unit square → the box, y flipped: top-left (100, 200), 200 × 100 pt.
    const qdf = file.replace(/\.pdf$/, '-qdf.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    expect(readFileSync(qdf, 'latin1')).toMatch(/\nq\n200 0 0 -100 100 300 cm\n\/I1 Do\nQ\n/);
    expect(preflight(await renderPdf(l, { press: true, images }), { press: true })).toEqual([]);
  });

  it('lets preflight catch an RGB image in press output', async () => {
    const path = 'rgb.png';
    const images = new Map([[path, picture('DeviceRGB')]]);
    const l = list([[{ kind: 'image', path, x: 100, y: 200, w: 200, h: 100, tag: { role: 'Figure', id: 'fig' } }]]);
    const d = preflight(await renderPdf(l, { press: true, images }), { press: true });
    expect(d.map((x) => x.rule)).toEqual(['rgb-colour']);
    expect(d[0].message).toMatch(/^page 1 \(object \d+\): image \/I1 \(object \d+\) in DeviceRGB \(1×\)/);
  });
});
