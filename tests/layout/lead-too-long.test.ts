// A lead longer than the first page can hold would run past the footer and
// off the page: build refuses it, naming index.md and the lead's first line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, runCli, writeBulletin } from '../helpers/cli.js';

describe('the lead', () => {
  it('is refused, with what to do, when it does not fit on the first page', () => {
    // 60 paragraphs of distinct sentences (no two alike, so cleaning keeps them all).
    const paragraphs = Array.from({ length: 60 }, (_, i) =>
      `第${i + 1}项工作：各单位围绕安全生产第${i + 1}个专题开展检查，排查隐患${i + 3}处，整改${i + 2}处，其余${(i % 5) + 1}处限期整改。`);
    const index = `---\ntitle: 测试专栏\nissue: 2024年第1期\ndate: 2024-01-15\n---\n\n${paragraphs.join('\n\n')}\n`;
    const dir = writeBulletin({ 'index.md': index, '01-a.md': article() });
    const out = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/index\.md:7:1 +error +the lead takes \d+ rows of the first page, which has \d+ below the masthead: shorten it.*\[lead-too-long\]/);
    expect(existsSync(out)).toBe(false);
  });
});
