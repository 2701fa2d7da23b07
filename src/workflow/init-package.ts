// The package.json `bulletin init` writes, so that the CI workflow's `npm ci`
// installs bulletin: the dependency in the form the editor chose with
// `--from PATH|URL`. A tarball outside the new folder is copied into its
// vendor/ folder (CI checks out only the repository); a git or https URL is
// written as given. An existing package.json is never changed: init says what
// it found and what to do.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface DependencySpec {
  /** The value of `dependencies.bulletin`, e.g. `file:vendor/bulletin-0.1.0.tgz`. */
  spec: string;
  /** A tarball to copy into the new folder: from (absolute) → to (relative to the folder, `/` separators). */
  copy?: { from: string; to: string };
  /** Said to the editor after init, when the spec will not work everywhere. */
  warning?: string;
  /** Said to the editor after init about what package.json holds besides the dependency. */
  note?: string;
}

/** URL forms npm installs from (git, hosted git shortcuts, tarball URLs). */
const URL_SPEC = /^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:|https?:\/\/)/i;
/** The git forms among them: npm builds such a dependency from its clone with its `prepare` script. */
const GIT_SPEC = /^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)/i;
const TARBALL = /\.(tgz|tar\.gz|tar)$/i;

function inside(folder: string, path: string): boolean {
  const r = relative(folder, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** Why `--from` cannot be used, or the dependency it gives for a project in `root`. */
export function dependencyFrom(from: string, root: string, cwd: string = process.cwd()): DependencySpec | string {
  if (GIT_SPEC.test(from)) {
    return { spec: from, note: 'package.json allows bulletin’s `prepare` script (allowScripts): npm builds a git dependency with it, and npm 11 asks for that approval' };
  }
  if (URL_SPEC.test(from)) return { spec: from };
  const path = resolve(cwd, from.replace(/^file:/, ''));
  if (!existsSync(path)) return `--from ${from}: no such file or folder (give a bulletin tarball from \`npm pack\`, a bulletin folder, or a git or https URL)`;
  if (statSync(path).isDirectory()) {
    const spec = `file:${posix(relative(root, path)) || '.'}`;
    if (inside(root, path)) return { spec };
    return { spec, warning: `package.json depends on bulletin in ${path}, outside this folder: that works on this machine, but CI cannot reach it. For CI, use a tarball (\`npm pack\`) or a git URL with --from.` };
  }
  if (!TARBALL.test(path)) return `--from ${from}: not a tarball (.tgz) or a folder`;
  if (inside(root, path)) return { spec: `file:${posix(relative(root, path))}` };
  const to = `vendor/${basename(path)}`;
  return { spec: `file:${to}`, copy: { from: path, to } };
}

/** An npm package name from a folder name, or undefined when none can be made. */
export function packageName(folder: string): string | undefined {
  const name = basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name && name.length <= 214 ? name : undefined;
}

/** The `allowScripts` key that approves a git dependency's scripts at every commit of its repository. */
function approvalKey(gitSpec: string): string {
  return gitSpec.replace(/#.*$/, '');
}

export function packageJsonText(root: string, spec: string): string {
  const pkg: Record<string, unknown> = {};
  const name = packageName(root);
  if (name) pkg.name = name;
  pkg.private = true;
  pkg.description = 'A bulletin typeset with bulletin: the Markdown is in content/.';
  pkg.scripts = {
    check: 'bulletin check content --strict',
    preview: 'bulletin preview content',
    build: 'bulletin build content -o bulletin.pdf',
  };
  pkg.dependencies = { bulletin: spec };
  // npm 11 runs a dependency's install scripts only when the project approves
  // them, and lists a git dependency's `prepare` (which builds it in its clone)
  // among them. The approval names the repository without a commit-ish: npm
  // compares a commit-ish with the commit the lock file holds, which a tag or
  // branch name never matches. A tarball has no install script to approve.
  if (GIT_SPEC.test(spec)) pkg.allowScripts = { [approvalKey(spec)]: true };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export interface ExistingPackage {
  /** `dependencies.bulletin` (or devDependencies), if any. */
  spec: string | undefined;
  /** What init tells the editor about it. */
  note: string;
}

/** What an existing package.json in `root` says about bulletin. */
export function describeExisting(root: string, from: DependencySpec | undefined): ExistingPackage {
  const path = join(root, 'package.json');
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; allowScripts?: Record<string, boolean> };
  try {
    pkg = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { spec: undefined, note: `${path} is not valid JSON; it was left as it is. CI needs it to depend on bulletin.` };
  }
  const spec = pkg?.dependencies?.bulletin ?? pkg?.devDependencies?.bulletin;
  if (!spec) {
    const install = from ? `npm install --save-exact ${from.spec.replace(/^file:/, '')}` : 'npm install --save-exact <the bulletin tarball or git URL>';
    return { spec, note: `package.json does not depend on bulletin (left as it is); for CI, run \`${install}\` here.` };
  }
  const file = /^file:(.*)$/.exec(spec);
  if (file && !inside(root, resolve(root, file[1]))) {
    return { spec, note: `package.json depends on bulletin through ${spec}, outside this folder: CI cannot reach it. Put the tarball in the repository (e.g. vendor/) and \`npm install --save-exact ./vendor/…\`, or use a git URL.` };
  }
  const kept = `package.json already depends on bulletin (${spec}); it was left as it is.`;
  if (GIT_SPEC.test(spec) && pkg.allowScripts?.[approvalKey(spec)] !== true) {
    return { spec, note: `${kept} npm 11 asks the project to approve the \`prepare\` script a git dependency is built with: add \`"allowScripts": {"${approvalKey(spec)}": true}\` to it.` };
  }
  return { spec, note: kept };
}
