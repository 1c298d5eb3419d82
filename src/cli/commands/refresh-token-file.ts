import { chmod, open, writeFile } from 'node:fs/promises';
import { UsageError } from '../io.js';
import { quoted } from '../render/terminal.js';

interface RefreshTokenFile {
  /** Takes the new refresh token while the check runs. */
  readonly keep: (token: string) => void;
  /** Writes it (mode 0600) if one came; returns the line to show, which never holds the token. */
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
        await writeFile(path, `${token}\n`, { mode: 0o600 });
        await chmod(path, 0o600);
        return `authhelp: the new refresh token was written to ${quoted(path)} (mode 0600)`;
      } catch (err) {
        return `authhelp: could not write the new refresh token to ${quoted(path)} (${codeOf(err)}); it is lost, authorize again`;
      }
    },
  };
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
