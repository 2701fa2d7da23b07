// `bulletin build --watch` through the binary, as an editor uses it: the
// first PDF, a rebuild after an edit, a broken file that leaves the last good
// PDF in place, and recovery. Generous timeouts and no timing assertions:
// speed is measured by scripts/bench.mjs, not here.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, copySample as copyWholeSample, runCli } from '../helpers/cli.js';

/**
 * A copy of the sample without its page count: these tests edit it (a paragraph more, another
 * template), which the one page it asks for cannot hold; copyfitting is tests/layout/copyfit.test.ts's.
 */
function copySample(): string {
  const dir = copyWholeSample();
  const index = join(dir, 'index.md');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/^pages: .*\n/m, ''));
  return dir;
}

interface Watched {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the match once `re` appears in stderr after offset `from`. */
  waitFor: (re: RegExp, from?: number, timeoutMs?: number) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startWatch(args: string[], cwd: string): Watched {
  const child = spawn(BIN, ['build', ...args, '--watch'], { cwd, env: { ...process.env, CI: '1' } });
  children.push(child);
  let err = '';
  let out = '';
  const listeners = new Set<() => void>();
  child.stderr!.setEncoding('utf8');
  child.stdout!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    err += d;
    for (const l of [...listeners]) l();
  });
  child.stdout!.on('data', (d: string) => {
    out += d;
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const waitFor = (re: RegExp, from = 0, timeoutMs = 90_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = re.exec(err.slice(from));
        if (m) {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(m);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${re} in stderr:\n${err.slice(from)}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then((code) => {
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`bulletin exited (${code}) before ${re}; stderr:\n${err}`));
        }
      });
      check();
    });
  return { child, stderr: () => err, stdout: () => out, waitFor, exited };
}

/** Polls until `predicate` holds (file events and rebuilds are asynchronous). */
async function until(predicate: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('build --watch', () => {
  it('builds, rebuilds after an edit, keeps the last good PDF when a file breaks, and recovers', async () => {
    const dir = copySample();
    const root = dirname(dir);
    const pdf = join(root, 'out.pdf');
    const w = startWatch([dir, '-o', pdf], root);

    await w.waitFor(/^built .*out\.pdf \(\d+ pages?\) in \d+ ms$/m);
    await w.waitFor(/^watching .* for changes/m);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = statSync(pdf);
    const firstBytes = readFileSync(pdf);

    // An editor adds a paragraph to one article.
    const article = join(dir, '02-li-jian.md');
    const original = readFileSync(article, 'utf8');
    let from = w.stderr().length;
    writeFileSync(article, original.trimEnd() + '\n\n新增的一段：持续加强安全生产宣传教育，营造人人讲安全的良好氛围。\n');
    await w.waitFor(/^rebuilt .*out\.pdf \(\d+ pages?\) in \d+ ms after a change to .*02-li-jian\.md/m, from);
    await until(() => !readFileSync(pdf).equals(firstBytes), 'the PDF changes after the edit');
    const second = readFileSync(pdf);
    expect(second.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdf).mtimeMs).toBeGreaterThanOrEqual(first.mtimeMs);

    // The same file is saved with broken front matter: the error is printed with
    // file and line, and the PDF on disk is still the last good one.
    from = w.stderr().length;
    writeFileSync(article, '---\ntitle: [没有闭合\nauthor: 李健\n---\n\n正文。\n');
    const broken = await w.waitFor(/^(.*out\.pdf not updated \(1 error.*)$/m, from);
    expect(broken[1]).toMatch(/the last good PDF is kept/);
    expect(w.stderr().slice(from)).toMatch(/02-li-jian\.md:\d+:\d+\s+error\s+.*\[yaml-syntax\]/);
    expect(readFileSync(pdf).equals(second)).toBe(true);
    expect(w.child.exitCode).toBeNull();

    // Fixed again: the next save rebuilds.
    from = w.stderr().length;
    writeFileSync(article, original);
    await w.waitFor(/^rebuilt .*out\.pdf/m, from);
    await until(() => !readFileSync(pdf).equals(second), 'the PDF is rebuilt after the fix');

    // Ctrl-C (SIGINT) stops watching and exits cleanly.
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 300_000);

  it('keeps watching when the first build fails, writes no PDF, and builds once the file is fixed', async () => {
    const dir = copySample();
    const root = dirname(dir);
    const pdf = join(root, 'out.pdf');
    const article = join(dir, '05-liao-zhiwei.md');
    const original = readFileSync(article, 'utf8');
    writeFileSync(article, original.replace(/^author: .*$/m, ''));
    const w = startWatch([dir, '-o', pdf, '--format', 'github'], root);

    await w.waitFor(/out\.pdf not updated \(1 error.*no PDF written yet/);
    await w.waitFor(/^watching /m);
    expect(existsSync(pdf)).toBe(false);
    // In github format the finding is a workflow command on stdout.
    await until(() => /::error file=[^\n]*05-liao-zhiwei\.md,line=\d+,col=\d+,title=missing-field::/.test(w.stdout()), 'an ::error annotation');

    const from = w.stderr().length;
    writeFileSync(article, original);
    await w.waitFor(/^rebuilt .*out\.pdf/m, from);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 300_000);

  it('does not rebuild for files that are not inputs (editor swap files, its own output inside the folder)', async () => {
    const dir = copySample();
    const pdf = join(dir, 'inside.pdf');
    const w = startWatch([dir, '-o', pdf], dirname(dir));
    await w.waitFor(/^watching /m);
    const from = w.stderr().length;
    writeFileSync(join(dir, '.02-li-jian.md.swp'), 'swap');
    writeFileSync(join(dir, 'notes~'), 'backup');
    // A real change afterwards: exactly one rebuild, naming the article, proves the
    // earlier writes (and the PDF written inside the folder) triggered nothing.
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(join(dir, '01-hu-xiaogang.md'), readFileSync(join(dir, '01-hu-xiaogang.md'), 'utf8') + '\n');
    await w.waitFor(/^rebuilt .*01-hu-xiaogang\.md/m, from);
    await new Promise((r) => setTimeout(r, 1500));
    const rebuilds = w.stderr().slice(from).match(/^rebuilt /gm) ?? [];
    expect(rebuilds).toHaveLength(1);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 300_000);

  it('rebuilds when a template file outside the bulletin folder changes', async () => {
    const dir = copySample();
    const root = dirname(dir);
    mkdirSync(join(root, 'tpl'));
    writeFileSync(join(root, 'tpl', 'mine.yaml'), 'extends: a4\n');
    const index = join(dir, 'index.md');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/^template: .*$/m, 'template: ../tpl/mine.yaml'));
    const pdf = join(root, 'out.pdf');
    const mediaBox = () => /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(readFileSync(pdf).toString('latin1'))?.slice(1).map(Number);
    // The template is outside the bulletin folder: --root lets the bulletin read it.
    const w = startWatch([dir, '-o', pdf, '--root', root], root);
    await w.waitFor(/^watching /m);
    const a4 = mediaBox()!;
    expect(a4[0]).toBeCloseTo(595.28, 0);
    const from = w.stderr().length;
    writeFileSync(join(root, 'tpl', 'mine.yaml'), 'extends: newspaper\n');
    await w.waitFor(/^rebuilt .* after a change to .*mine\.yaml/m, from);
    await until(() => mediaBox()![0] > 800, 'the page grows to the newspaper size');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 300_000);

  it('refuses an unwritable output before watching', () => {
    const dir = copySample();
    const r = runCli(['build', dir, '-o', join(dir, 'no-such-folder', 'out.pdf'), '--watch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the PDF/);
  });
});
