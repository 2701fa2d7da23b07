// The URL files next to the program are found from (the precompiled template
// validator, node_modules for packages loaded on first use, the package
// folder). In the plain bundle and in the sources it is the module's own
// `import.meta.url`. The start-up snapshot (src/snapshot.ts) is one CommonJS
// script whose modules were evaluated when the snapshot was built, so it sets
// `globalThis.__bulletinBundleUrl` to dist/cli.js of the running install
// before the program starts, and everything is resolved from there.
declare global {
  var __bulletinBundleUrl: string | undefined;
}

export function bundleUrl(): string {
  return globalThis.__bulletinBundleUrl ?? import.meta.url;
}

/** How this process started: from the start-up snapshot, or by loading the bundle (or the sources). */
export function startedFrom(): 'snapshot' | 'bundle' {
  return globalThis.__bulletinBundleUrl ? 'snapshot' : 'bundle';
}
