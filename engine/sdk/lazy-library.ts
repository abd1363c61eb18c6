import { createRequire } from 'node:module';

/**
 * A client library loaded the first time a node calls it, not at every start of the CLI or the
 * engine. For big libraries only a few flows use (libphonenumber-js carries every country's
 * numbering plan). The library stays out of the bundle and is loaded from node_modules.
 *
 *   const phone = lazyLibrary<typeof import('libphonenumber-js')>('libphonenumber-js');
 *   phone().isSupportedCountry('DE');
 */
export function lazyLibrary<T>(id: string): () => T {
  let library: T | undefined;
  return () => (library ??= createRequire(import.meta.url)(id) as T);
}
