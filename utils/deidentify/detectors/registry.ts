/**
 * The detectors, one a file, in one table. Every send runs all of them; a detector that throws
 * stops the send with its name (fail closed) — it never silently drops out and lets its kind of
 * identifier through.
 */
import { keysWanted, TextCues } from '../cues';
import { DETECTOR_NAMES, type Candidate, type Detector, type DetectorName, type KnownIdentifiers } from '../types';
import { ageDetector } from './age';
import { contactDetector } from './contact';
import { dateDetector } from './dates';
import { employerDetector } from './employer';
import { geoDetector } from './geo';
import { idDetector } from './ids';
import { knownDetector } from './known';
import { nameDetector } from './names';
import { organisationDetector } from './organisations';
import { placeDetector } from './places';

/** In the order their findings are listed (ties in overlap resolution go to the earlier). */
export const DETECTORS: readonly Detector[] = [
  knownDetector,
  contactDetector,
  idDetector,
  dateDetector,
  ageDetector,
  geoDetector,
  placeDetector,
  employerDetector,
  organisationDetector,
  nameDetector,
];

/** A detector threw: what it finds is unchecked, so the text may not leave. */
export class DetectorFailure extends Error {
  constructor(
    readonly detector: DetectorName,
    readonly finds: string,
    override readonly cause: unknown,
  ) {
    super(`de-identification detector "${detector}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DetectorFailure';
  }
}

/** Runs every detector once on `text`; throws DetectorFailure when one throws. */
export function runDetectors(
  text: string,
  folded: string,
  known: KnownIdentifiers,
  detectors: readonly Detector[] = DETECTORS,
): Candidate[] {
  const findings = new Map<DetectorName, Candidate[]>();
  // A list of its own (a test's) may ask for any detector's findings too: its index records every detector's keys.
  const cues = new TextCues(
    text,
    detectors === DETECTORS ? WANTED_KEYS : keysWanted([...DETECTORS, ...detectors].flatMap((d) => d.patterns)),
  );
  const byName = (name: DetectorName) =>
    detectors.find((d) => d.name === name) ?? DETECTORS.find((d) => d.name === name)!;
  const run = (detector: Detector): Candidate[] => {
    const done = findings.get(detector.name);
    if (done) return done;
    let found: Candidate[];
    try {
      found = detector.detect({ text, folded, cues, known, findingsOf: (name) => run(byName(name)) });
      if (!Array.isArray(found)) throw new Error('returned no list of findings');
    } catch (error) {
      throw error instanceof DetectorFailure ? error : new DetectorFailure(detector.name, detector.finds, error);
    }
    findings.set(detector.name, found);
    return found;
  };
  return detectors.flatMap(run);
}

// Every name has its detector: a detector added to the names but not the table is a type error
// there and a failed check here.
if (DETECTOR_NAMES.length !== new Set(DETECTORS.map((d) => d.name)).size)
  throw new Error('detector registry and DETECTOR_NAMES disagree');

/** The words a text's index records: those the registry's patterns can start at (built once, never changed). */
const WANTED_KEYS = keysWanted(DETECTORS.flatMap((detector) => detector.patterns));
