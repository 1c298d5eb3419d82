/** The mask written in place of a credential: `[redacted jwt]`, `[redacted value]` … */
export function redacted(kind: string): string {
  return `[redacted ${kind}]`;
}

/**
 * Any mask `redacted` writes, as a pattern source: readers that run after the detector know its
 * masks (`password: [redacted assignment] horse`) and do not mask them again.
 */
export const MASK_SOURCE = String.raw`\[redacted [a-z-]+\]`;

const WHOLE_MASK = new RegExp(`^${MASK_SOURCE}$`);

/** Whether `value` is a mask, and nothing more. */
export function isMask(value: string): boolean {
  return WHOLE_MASK.test(value);
}
