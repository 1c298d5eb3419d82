import type { Diagnoser } from '../../core/matching/types.js';
import { maskSecrets } from '../../core/secrets/detect.js';

/** A diagnoser that never sees a credential: the text is masked before it is matched. */
export function maskingDiagnoser(inner: Diagnoser): Diagnoser {
  return {
    diagnose: (text) => inner.diagnose(maskSecrets(text)),
  };
}
