/**
 * Points between opening a file and trusting it, where a test can change the disk at exactly the racy moment (a file
 * or folder swapped for a symlink) instead of hoping a sleep lands there. Not exported from the package; undefined
 * hooks cost nothing but one check per transfer.
 */
export interface RaceHooks {
  /** After a file to read or write was opened by path, before what was opened is checked. */
  afterOpen?: (path: string) => void | Promise<void>;
  /** After what was opened passed its checks, before it is used. */
  afterCheck?: (path: string) => void | Promise<void>;
  /** After a download is complete on disk, before its temporary file is checked again and renamed. */
  beforeRename?: (temporary: string) => void | Promise<void>;
}

export const raceHooks: RaceHooks = {};
