const MASK16 = 0xffff;
// FNV-1a 64-bit offset basis 0xcbf29ce484222325, as four 16-bit limbs, lowest first.
const OFFSET: readonly [number, number, number, number] = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
const encoder = new TextEncoder();

/** FNV-1a 64 of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let [a, b, c, d] = OFFSET;
  for (const byte of encoder.encode(text)) {
    a ^= byte;
    // Multiply by the FNV prime 2^40 + 0x1b3, keeping 64 bits: 2^40 shifts limbs a, b into c, d by 8 bits.
    const t0 = a * 0x1b3;
    const t1 = b * 0x1b3 + (t0 >>> 16);
    const t2 = c * 0x1b3 + (t1 >>> 16) + (a << 8);
    const t3 = d * 0x1b3 + (t2 >>> 16) + (b << 8);
    a = t0 & MASK16;
    b = t1 & MASK16;
    c = t2 & MASK16;
    d = t3 & MASK16;
  }
  return [d, c, b, a].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/**
 * A short, stable fingerprint: the first 12 hex digits (48 bits) of FNV-1a 64. The core may not
 * import node:crypto, and template ids and catalogue versions need only be stable and rarely
 * collide, not resist an attacker.
 */
export function shortHash(text: string): string {
  return fnv1a64(text).slice(0, 12);
}
