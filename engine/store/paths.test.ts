import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('defaultDataDir', () => {
  const home = '/home/ana';
  it('prefers JUNCTION_DATA_DIR', () => {
    expect(defaultDataDir({ JUNCTION_DATA_DIR: '/srv/junction' }, 'linux', home)).toBe('/srv/junction');
  });
  it('follows XDG on Linux, ignoring a relative XDG_DATA_HOME', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', home)).toBe(join('/data', 'junction'));
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', home)).toBe(join(home, '.local', 'share', 'junction'));
    expect(defaultDataDir({}, 'linux', home)).toBe(join(home, '.local', 'share', 'junction'));
  });
  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({}, 'darwin', home)).toBe(join(home, 'Library', 'Application Support', 'Junction'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', home)).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'Junction'));
  });
});
