// For a test's --import preload: wraps the loader that the command's entry
// (src/bin) hands to the commands bundle for the app's bundle (dist/app.cjs),
// so a test can see, or delay, the app being loaded.
const key = Symbol.for('sanctum-config.load-app');

/** `wrap(load)` returns what the commands bundle calls in place of `load`. */
export function trapAppLoader(wrap) {
  let load;
  Object.defineProperty(globalThis, key, {
    configurable: true,
    set(value) {
      load = value;
    },
    get() {
      return wrap(() => load());
    },
  });
}
