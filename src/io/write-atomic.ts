// Writes that never leave a half-written file: write a sibling temp file,
// then rename over the target (atomic on one filesystem). A target that is
// a device, a pipe or a socket (`-o /dev/stdout`, `-o /dev/null`, a FIFO),
// also through a symbolic link, is written into instead: renaming over it
// would put a regular file in its place (in /dev, for root).
import { rename, writeFile, unlink, access, constants, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Whether `path` leads to something that exists and is neither a regular file nor a folder. */
async function isSpecial(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  if (await isSpecial(path)) {
    await writeFile(path, data);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    // wx: never through a file or link already there under that name.
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Why `path` cannot be written, or undefined when it can. Checked before any work. */
export async function unwritableReason(path: string): Promise<string | undefined> {
  const dir = dirname(path);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return `${dir} is not a directory`;
  } catch {
    return `the folder ${dir} does not exist`;
  }
  try {
    const s = await stat(path);
    if (s.isDirectory()) return `${path} is a directory`;
    await access(path, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return `${path} is not writable (${code})`;
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    return `the folder ${dir} is not writable`;
  }
  return undefined;
}
