// A stand-in for a module left out of the start-up snapshot
// (scripts/build-snapshot.mjs, LEFT_OUT): the real module is loaded from
// node_modules the first time it is called, constructed or read from.
// `__esModule` is answered without loading, because bundlers' interop helpers
// ask for it while the requiring module loads, which is when the snapshot is
// being built and only Node's built-in modules can be loaded.
import { requireNearProgram } from './lazy-require.js';

export function lazyModule(id: string, load: (id: string) => unknown = requireNearProgram): unknown {
  let real: object | undefined;
  const get = () => (real ??= load(id) as object);
  return new Proxy(function leftOut() {}, {
    get: (_target, key) => (key === '__esModule' ? undefined : Reflect.get(get(), key)),
    has: (_target, key) => Reflect.has(get(), key),
    apply: (_target, self, args) => Reflect.apply(get() as (...a: unknown[]) => unknown, self, args),
    construct: (_target, args) => Reflect.construct(get() as new (...a: unknown[]) => object, args),
  });
}
