// Commands find their bulletin from where the editor stands (as git and cargo
// do): the nearest folder upward whose index.md has bulletin front matter,
// else content/ in the project root; the error says where it looked.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

function project(): { root: string; content: string } {
  const root = tempDir();
  writeFileSync(join(root, 'package.json'), '{"private":true}\n');
  const content = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }, join(root, 'content'));
  return { root, content };
}

describe('finding the bulletin', () => {
  it('check, fmt and fonts run on the folder they are started in, or one above it', async () => {
    const { content } = project();
    mkdirSync(join(content, 'images'));
    const check = await runCommand(['check', '--json'], { cwd: join(content, 'images') });
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    const human = await runCommand(['check'], { cwd: content });
    expect(human.stderr).toMatch(/^\.: 1 articles, 0 errors/m);
    expect((await runCommand(['fmt'], { cwd: content })).stderr).toMatch(/nothing to change/);
    expect((await runCommand(['fonts', '--json'], { cwd: content })).code).toBe(0);
  });

  it('build inside the folder reads it and writes bulletin.pdf where it stands', async () => {
    const { content } = project();
    const r = await runCommand(['build', '-q'], { cwd: content });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(content, 'bulletin.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('falls back to content/ in the project root (package.json or .git), from any folder below it', async () => {
    const { root, content } = project();
    mkdirSync(join(root, 'notes', 'drafts'), { recursive: true });
    const r = await runCommand(['check', '--json'], { cwd: join(root, 'notes', 'drafts') });
    expect(r.code, r.stderr).toBe(0);
    const git = tempDir();
    mkdirSync(join(git, '.git'));
    writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }, join(git, 'content'));
    expect((await runCommand(['check'], { cwd: git })).stderr).toMatch(/^content: 1 articles/m);
    expect(content).not.toBe(git);
  });

  it('passes over an index.md without bulletin front matter, and finds one whose YAML is broken (reporting it)', async () => {
    const { root, content } = project();
    const docs = join(content, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'index.md'), '# Notes\n\ntitle: not front matter\n');
    expect((await runCommand(['check', '--json'], { cwd: docs })).code).toBe(0);
    writeFileSync(join(content, 'index.md'), '---\ntitle: 测试专栏\npublisher: [甲\n---\n\n导语。\n');
    const broken = await runCommand(['check', '--json'], { cwd: docs });
    expect(broken.code).toBe(1);
    const found = JSON.parse(broken.stdout).diagnostics[0];
    expect(found.rule).toBe('yaml-syntax');
    expect(found.file).toBe(join(content, 'index.md'));
    expect(root).toBeTruthy();
  });

  it('never looks above the project root, and says where it looked', async () => {
    const outer = tempDir();
    // A bulletin above the project must not be taken for the project's.
    writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }, outer);
    const root = join(outer, 'repo');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}');
    const r = await runCommand(['build'], { cwd: join(root, 'src') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(root, 'src'));
    expect(r.stderr).toContain(`content/ in the project root ${root}`);
    expect(r.stderr).toMatch(/no-bulletin/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'src', 'bulletin.pdf'))).toBe(false);
  });

  it('with no project root on the way, lists the folders it searched', async () => {
    const base = tempDir();
    const deep = join(base, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    const r = await runCommand(['check', '--json'], { cwd: deep });
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics[0];
    expect(d.rule).toBe('no-bulletin');
    expect(d.message).toContain(deep);
    expect(d.message).toContain(join(base, 'a'));
    expect(d.message).toMatch(/bulletin init/);
  });

  it('an explicit folder is used as given, never searched for', async () => {
    const { root } = project();
    const r = await runCommand(['check', 'nowhere'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere.*not found/);
  });
});
