// The preview's page: the bulletin's pages drawn by pdf.js (served from the
// installed pdfjs-dist, nothing from the network) beside the list of
// diagnostics. The script asks /state when /events says a build finished;
// new pages are drawn off screen and swapped in, so the page never flickers,
// and a failed build leaves the last good pages up. Clicking a diagnostic
// outlines its place on the page. `document.body.dataset` tells a test which
// build is drawn (data-drawn) and which the state is at (data-version).

export const PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bulletin preview</title>
<style>
  :root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
  body { margin: 0; background: #e8e8e8; color: #222; }
  header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ccc; padding: 6px 12px; font-size: 14px; display: flex; gap: 12px; align-items: center; }
  header.failed { background: #fde8e8; }
  #status { flex: 1; }
  main { display: flex; align-items: flex-start; }
  #pages { flex: 1; padding: 16px; display: flex; flex-direction: column; align-items: center; gap: 16px; }
  .page { position: relative; box-shadow: 0 1px 4px rgba(0,0,0,.3); background: #fff; }
  .page canvas { display: block; }
  .mark { position: absolute; border: 2px solid #d00; background: rgba(255, 0, 0, .08); pointer-events: none; }
  aside { width: 32em; max-width: 45vw; position: sticky; top: 38px; max-height: calc(100vh - 38px); overflow: auto; background: #fff; border-left: 1px solid #ccc; font-size: 13px; }
  aside h2 { font-size: 14px; margin: 8px 12px; }
  ol { list-style: none; margin: 0; padding: 0; }
  li { padding: 6px 12px; border-top: 1px solid #eee; cursor: pointer; }
  li:hover, li.chosen { background: #fff6d6; }
  li .where { font-family: ui-monospace, monospace; color: #555; }
  li.error .severity { color: #b00; font-weight: bold; }
  li.warning .severity { color: #a60; }
  li.info .severity { color: #666; }
  li .rule { color: #888; }
  li.noplace { cursor: default; }
</style>
</head>
<body data-version="0" data-drawn="0">
<header id="bar"><strong>bulletin preview</strong><span id="status">building…</span></header>
<main>
  <section id="pages" aria-label="pages"></section>
  <aside><h2 id="count">Diagnostics</h2><ol id="diagnostics"></ol></aside>
</main>
<script type="module" src="/preview.js"></script>
</body>
</html>
`;

/** The page's script (a module; no template literals inside, for it is one). */
export const PAGE_SCRIPT = String.raw`
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

/** The largest on-screen scale (CSS pixels per point); pages are fitted to the column's width below it. */
const MAX_SCALE = 2;
const pagesBox = document.getElementById('pages');
const list = document.getElementById('diagnostics');
const statusLine = document.getElementById('status');
const bar = document.getElementById('bar');
const count = document.getElementById('count');
let drawn = 0;
let drawing = Promise.resolve();
let state = null;
let pageViews = [];

async function drawPages(version) {
  const data = await (await fetch('/bulletin.pdf?v=' + version)).arrayBuffer();
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
  const fresh = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(MAX_SCALE, Math.max(0.5, (pagesBox.clientWidth - 32) / natural.width));
    // Drawn at the screen's pixel density, shown at the fitted size.
    const viewport = page.getViewport({ scale: scale * (window.devicePixelRatio || 1) });
    const holder = document.createElement('div');
    holder.className = 'page';
    holder.dataset.page = String(n);
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = Math.floor(natural.width * scale) + 'px';
    canvas.style.height = Math.floor(natural.height * scale) + 'px';
    holder.append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
    // Points (from the page's top-left; the PDF's trim box is its media box outside --press) → CSS pixels.
    fresh.push({ holder, scaleX: scale, scaleY: scale });
  }
  await doc.destroy();
  pagesBox.replaceChildren(...fresh.map((p) => p.holder));
  pageViews = fresh;
  drawn = version;
  document.body.dataset.drawn = String(version);
  document.body.dataset.pages = String(fresh.length);
}

function where(d) {
  if (!d.file) return '';
  return d.line > 0 ? d.file + ':' + d.line + ':' + d.column : d.file;
}

function mark(d, item) {
  for (const old of document.querySelectorAll('.mark')) old.remove();
  for (const old of document.querySelectorAll('li.chosen')) old.classList.remove('chosen');
  item.classList.add('chosen');
  const p = d.place;
  const view = p && pageViews[p.page - 1];
  if (!view) return;
  const box = document.createElement('div');
  box.className = 'mark';
  box.style.left = (p.x * view.scaleX - 3) + 'px';
  box.style.top = (p.y * view.scaleY - 3) + 'px';
  box.style.width = (p.w * view.scaleX + 6) + 'px';
  box.style.height = (p.h * view.scaleY + 6) + 'px';
  view.holder.append(box);
  box.scrollIntoView({ block: 'center', behavior: 'instant' });
}

function showDiagnostics(s) {
  const items = s.diagnostics.map((d) => {
    const li = document.createElement('li');
    li.className = d.severity + (d.place ? '' : ' noplace');
    const w = document.createElement('span');
    w.className = 'where';
    w.textContent = where(d);
    const sev = document.createElement('span');
    sev.className = 'severity';
    sev.textContent = ' ' + d.severity + ' ';
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = d.message + ' ';
    const rule = document.createElement('span');
    rule.className = 'rule';
    rule.textContent = '[' + d.rule + ']';
    li.append(w, sev, msg, rule);
    li.addEventListener('click', () => mark(d, li));
    return li;
  });
  list.replaceChildren(...items);
  const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
  count.textContent = 'Diagnostics: ' + s.diagnostics.length + (errors ? ' (' + errors + ' error' + (errors === 1 ? '' : 's') + ')' : '');
  bar.classList.toggle('failed', !s.ok);
  statusLine.textContent = s.ok
    ? s.pages + ' page' + (s.pages === 1 ? '' : 's') + ', built in ' + s.ms + ' ms'
    : 'not updated: fix the error' + (errors === 1 ? '' : 's') + ' listed; the pages shown are the last good ones';
}

async function refresh() {
  const s = await (await fetch('/state')).json();
  if (state && s.version <= state.version) return;
  state = s;
  showDiagnostics(s);
  if (s.pdfVersion > drawn) drawing = drawing.then(() => drawPages(s.pdfVersion)).catch((e) => { statusLine.textContent = 'cannot draw the pages: ' + e.message; });
  await drawing;
  document.body.dataset.version = String(s.version);
}

let queue = Promise.resolve();
const again = () => { queue = queue.then(refresh, refresh); };
const events = new EventSource('/events');
events.addEventListener('build', again);
events.addEventListener('open', again);
again();
`;
