import { randomBytes } from 'node:crypto';
import { open, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../io.js';
import { quoted } from '../render/terminal.js';

interface RefreshTokenFile {
  /** Takes the new refresh token while the check runs. */
  readonly keep: (token: string) => void;
  /** Writes it (a new file, mode 0600, renamed over FILE) if one came; returns the line to show, which never holds the token. */
  readonly save: () => Promise<string>;
}

/**
 * `--save-refresh-token FILE`: checked before anything is sent (a rotated token that cannot be
 * written is lost), left untouched when the server keeps the old token.
 */
export async function refreshTokenFile(path: string): Promise<RefreshTokenFile> {
  try {
    // Append mode creates the file if needed without emptying one that holds the current token.
    const handle = await open(path, 'a', 0o600);
    await handle.close();
  } catch (err) {
    throw new UsageError(`--save-refresh-token: cannot write ${quoted(path)} (${codeOf(err)})`);
  }
  let token: string | undefined;
  return {
    keep: (t) => {
      token = t;
    },
    save: async () => {
      if (token === undefined)
        return `authhelp: the server did not issue a new refresh token; ${quoted(path)} was not changed`;
      try {
        await replaceWith(path, `${token}\n`);
        return `authhelp: the new refresh token was written to ${quoted(path)} (mode 0600)`;
      } catch (err) {
        return `authhelp: could not write the new refresh token to ${quoted(path)} (${codeOf(err)}); it is lost, authorize again`;
      }
    },
  };
}

/**
 * The token goes into a new file created 0600 beside the target, which is then renamed over it:
 * writing into an existing file that was readable by others (and chmod afterwards) would leave the
 * token there for a moment, and for good to anyone who opened it before. A symlink is followed, so
 * the file it names is replaced as before.
 */
async function replaceWith(path: string, text: string): Promise<void> {
  const target = await realpath(path);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  // 'wx': O_EXCL, never an existing file or a planted symlink.
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.chmod(0o600); // before any byte, whatever the umask
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
