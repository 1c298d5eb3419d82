/** In-process "a job was enqueued" signal, so this instance's runner starts it without polling. */
export function onEnqueueListeners(): {
  add: (listener: () => void) => () => void;
  emit: () => void;
} {
  const listeners = new Set<() => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit() {
      for (const listener of listeners) listener();
    },
  };
}
