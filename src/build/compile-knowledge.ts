import { isAuthHelpError } from '../core/errors.js';
import { SNAPSHOT_PATH, writeSnapshot } from '../adapters/knowledge.js';

/**
 * Part of `npm run build`: validates knowledge/ and writes the compiled snapshot the CLI and the
 * Slack app start from. An invalid catalogue fails the build with every problem listed.
 */
try {
  const { entries, bytes } = await writeSnapshot();
  process.stdout.write(
    `knowledge: ${String(entries)} entries compiled to ${SNAPSHOT_PATH} (${String(Math.round(bytes / 1024))} KB)\n`,
  );
} catch (err) {
  process.stderr.write(
    `knowledge: ${isAuthHelpError(err) ? err.message : err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
