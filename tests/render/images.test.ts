// Images go through pdfkit's own image(): placed at the display list's box,
// tagged as Figure with their alt text; an RGB image in press output is
// something preflight must catch (render does not convert colour).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { preflight } from '../../src/render/preflight.js';
import { deref, list, qpdfJson, run, tempPdf, tool } from './fixtures.js';
import { png } from '../helpers/png.js';

describe('images', () => {
  it('places an image in its box, tagged as a Figure with alt text', async () => {
    const dir = dirname(tempPdf(new Uint8Array(0)));
    const path = join(dir, 'grey.png');
    writeFileSync(path, png(4, 2, false));
    const l = list([
      [
        run('图片说明', 50, 100, { tag: { role: 'P', id: 'p' } }),
        { kind: 'image', path, x: 100, y: 200, w: 200, h: 100, alt: '安全生产现场', tag: { role: 'Figure', id: 'fig' } },
      ],
    ]);
    const file = tempPdf(await renderPdf(l));
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
    expect(preflight(await renderPdf(l, { press: true }), { press: true })).toEqual([]);
  });

  it('lets preflight catch an RGB image in press output', async () => {
    const dir = dirname(tempPdf(new Uint8Array(0)));
    const path = join(dir, 'rgb.png');
    writeFileSync(path, png(4, 2, true));
    const l = list([[{ kind: 'image', path, x: 100, y: 200, w: 200, h: 100, tag: { role: 'Figure', id: 'fig' } }]]);
    const d = preflight(await renderPdf(l, { press: true }), { press: true });
    expect(d.map((x) => x.rule)).toEqual(['rgb-colour']);
    expect(d[0].message).toMatch(/^page 1 \(object \d+\): image \/I1 \(object \d+\) in DeviceRGB \(1×\)/);
  });
});
