/** One detector run through the registry, as it runs in a send: findings as [type, text] pairs. */
import { runDetectors } from '../../../utils/deidentify/detectors/registry';
import { fold } from '../../../utils/deidentify/text';
import type { Detector, KnownIdentifiers } from '../../../utils/deidentify/types';

export const NO_KNOWN: KnownIdentifiers = {
  nameParts: [],
  birthDays: [],
  ids: [],
  phoneDigits: [],
  emails: [],
  addressParts: [],
};

export function findWith(
  detector: Detector,
  text: string,
  known: Partial<KnownIdentifiers> = {},
): Array<[string, string]> {
  return runDetectors(text, fold(text), { ...NO_KNOWN, ...known }, [detector]).map((c) => [
    c.type,
    text.slice(c.start, c.end),
  ]);
}
