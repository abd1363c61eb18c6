import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The file name of the run-history database inside the data folder. */
export const STORE_FILE = 'junction.db';

/**
 * Where Junction keeps its data: `JUNCTION_DATA_DIR` when set, else the OS convention
 * (XDG on Linux, Application Support on macOS, Roaming AppData on Windows).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.JUNCTION_DATA_DIR) return env.JUNCTION_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Junction');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Junction');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'junction');
}

/** The run-history database in the default data folder. */
export function defaultStorePath(): string {
  return join(defaultDataDir(), STORE_FILE);
}
