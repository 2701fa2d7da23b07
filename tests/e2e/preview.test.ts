// `bulletin preview` in a real headless Chromium (Debian's `chromium`, driven
// by puppeteer-core; .ci/run installs it): the page loads from 127.0.0.1 with
// nothing from elsewhere, the pages are drawn (the canvas is not blank), the
// diagnostics are listed with file:line and a click outlines the place on the
// page, a saved edit is drawn, and a broken file keeps the last good pages.
// No timing assertions: the wait for a redraw is generous.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { article, BIN, runCli, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { readPdfText } from '../helpers/pdf.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => !!p && existsSync(p),
);
// CI installs Chromium (.ci/run) and sets this, so a missing browser fails there instead of skipping.
if (!CHROMIUM && process.env.BULLETIN_REQUIRE_BROWSER) throw new Error('no Chromium found (set CHROMIUM_PATH); .ci/run installs Debian’s chromium');

const REPEATED = '安全生产责任要层层压实到岗位、到个人，做到横向到边、纵向到底，确保不留死角。';

interface Preview {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function startPreview(dir: string): Promise<Preview> {
  const child = spawn(BIN, ['preview', dir], { env: { ...process.env, CI: '1' } });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) resolve({ child, url: m[1], stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`preview exited (${code}) before printing its URL:\n${err}`)));
  });
}

// Code run in the page is written as strings: the tests are type-checked without the DOM library.
/** Share of the first page canvas's pixels that are not white (sampled). */
const INK = `(() => {
  const canvas = document.querySelector('.page canvas');
  if (!canvas) return 0;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  let seen = 0;
  for (let i = 0; i < data.length; i += 4 * 37) {
    seen++;
    if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
  }
  return ink / seen;
})()`;
const inkOnFirstPage = (page: Page) => page.evaluate(INK) as Promise<number>;
const drawnVersion = (page: Page) => page.evaluate('Number(document.body.dataset.drawn)') as Promise<number>;
const stateVersion = (page: Page) => page.evaluate('Number(document.body.dataset.version)') as Promise<number>;
/** Waits until the page's `data-<key>` is above `than`. */
const waitAbove = (page: Page, key: 'drawn' | 'version', than: number) =>
  page.waitForFunction(`Number(document.body.dataset.${key}) > ${than}`, { timeout: 60_000 });

describe.skipIf(!CHROMIUM)('bulletin preview in Chromium', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': article('压实安全责任 筑牢发展底线', '张三', `${REPEATED}\n\n各地要组织力量排查河道堤防和地质灾害隐患点，及时消除隐患。\n\n${REPEATED}`),
      '02-b.md': article('守住安全底线 护航高质量发展', '李四', '入汛以来，全市未发生一起较大安全事故，群众安全感明显增强。'),
    });
    preview = await startPreview(dir);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(preview.url, { waitUntil: 'load' });
    await waitAbove(page, 'drawn', 0);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    preview?.child.kill('SIGTERM');
  });

  it('draws the pages with pdf.js, loading nothing from outside 127.0.0.1', async () => {
    expect(await page.$$eval('.page canvas', (c) => c.length)).toBe(1);
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.005);
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) expect(r.startsWith(preview.url) || r.startsWith('blob:') || r.startsWith('data:'), r).toBe(true);
  });

  it('lists the diagnostics with file:line, and a click outlines the place on the page', async () => {
    const items = await page.$$eval('#diagnostics li', (lis) => lis.map((li) => li.textContent ?? ''));
    const file = join(dir, '01-a.md');
    const dup = items.findIndex((t) => t.includes(`${file}:11:1`) && t.includes('[exact-duplicate]'));
    expect(dup, items.join('\n')).toBeGreaterThanOrEqual(0);
    await page.click(`#diagnostics li:nth-child(${dup + 1})`);
    const mark = await page.$eval('.mark', (m) => {
      const box = m.getBoundingClientRect();
      const holder = m.parentElement!.getBoundingClientRect();
      return { inside: box.left >= holder.left && box.right <= holder.right + 4 && box.top >= holder.top && box.bottom <= holder.bottom, w: box.width, h: box.height, top: box.top };
    });
    expect(mark.inside).toBe(true);
    expect(mark.w).toBeGreaterThan(20);
    expect(mark.h).toBeGreaterThan(5);
    // Scrolled into view.
    expect(mark.top).toBeGreaterThanOrEqual(0);
    expect(mark.top).toBeLessThan(1000);
  });

  it('draws a saved edit', async () => {
    const before = await drawnVersion(page);
    const saved = performance.now();
    writeFileSync(join(dir, '02-b.md'), article('汛期安全不放松 守护万家灯火', '李四', '入汛以来，全市未发生一起较大安全事故，群众安全感明显增强。'));
    await waitAbove(page, 'drawn', before);
    // The figure for docs/performance.md, not an assertion.
    console.log(`preview: saved edit drawn ${Math.round(performance.now() - saved)} ms after the save`);
    const pdf = (await page.evaluate(`fetch('/bulletin.pdf').then((r) => r.arrayBuffer()).then((b) => Array.from(new Uint8Array(b)))`)) as number[];
    const text = (await readPdfText(new Uint8Array(pdf))).flatMap((p) => p.items.map((i) => i.text)).join('');
    expect(text).toContain('汛期安全不放松');
    expect(text).not.toContain('守住安全底线');
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.005);
  });

  it('keeps the last good pages while a file is broken, lists the error, and recovers', async () => {
    const drawn = await drawnVersion(page);
    const version = await stateVersion(page);
    const good = readFileSync(join(dir, '02-b.md'), 'utf8');
    writeFileSync(join(dir, '02-b.md'), '---\ntitle: 标题: 副题\nauthor: 李四\n---\n\n正文。\n');
    await waitAbove(page, 'version', version);
    expect(await page.$eval('#bar', (b) => b.classList.contains('failed'))).toBe(true);
    const items = await page.$$eval('#diagnostics li.error', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(items.some((t) => t.includes(`${join(dir, '02-b.md')}:2:`) && t.includes('[yaml-syntax]')), items.join('\n')).toBe(true);
    expect(await drawnVersion(page)).toBe(drawn);
    expect(await page.$$eval('.page canvas', (c) => c.length)).toBe(1);
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.005);
    writeFileSync(join(dir, '02-b.md'), good);
    await waitAbove(page, 'drawn', drawn);
    expect(await page.$eval('#bar', (b) => b.classList.contains('failed'))).toBe(false);
  });
});

describe('bulletin preview, the server', () => {
  it('refuses a port that is taken when --port names it, and a bad --port', async () => {
    const first = await startPreview(writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }));
    try {
      const port = new URL(first.url).port;
      const r = runCli(['preview', writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }), '--port', port]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`port ${port} is in use`));
      // Another name for the server (DNS rebinding) is refused; the loopback names are served.
      const status = await new Promise<number>((done, fail) => {
        request({ host: '127.0.0.1', port: Number(port), path: '/state', headers: { Host: `attacker.example:${port}` } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        }).on('error', fail).end();
      });
      expect(status).toBe(403);
      const ok = await fetch(`${first.url}state`);
      expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(runCli(['preview', tempDir(), '--port', 'http']).code).toBe(2);
  });
});
