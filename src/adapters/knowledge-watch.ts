import { watch, type FSWatcher } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs: an editor or a deploy writes in bursts. */
  readonly debounceMs?: number;
  /** The watch itself failed (directory removed, watch limit reached); it is closed. */
  readonly onError?: (err: Error) => void;
}

const DEFAULT_DEBOUNCE_MS = 500;

/**
 * Calls `onChange` once a burst of changes in `dir` has settled. Every name counts, not only
 * `*.yml`: editors save through temporary files and deploys swap symlinks (`..data`), and a
 * reload that finds nothing new costs one read.
 */
export function watchDirectory(
  dir: string,
  onChange: () => void,
  options: WatchOptions = {},
): { close(): void } {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { persistent: false }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref();
  });
  watcher.on('error', (err) => {
    clearTimeout(timer);
    watcher.close();
    options.onError?.(err);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
