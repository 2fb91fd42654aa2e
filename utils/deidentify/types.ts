/** Shapes of de-identification. The mapping from placeholders to real values never leaves the panel. */
import { z } from 'zod';
import type { CuedPattern, TextCues } from './cues';

/**
 * What was found, by HIPAA Safe Harbor category. Names keep their role (patient, clinician, other
 * person) because the role is clinically useful and identifies no one.
 */
export const IDENTIFIER_TYPES = [
  'PATIENT',
  'PERSON',
  'CLINICIAN',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP',
  'ADDRESS',
  'LOCATION',
  'ZIP',
  'EMPLOYER',
  'ID',
  /** Text the clinician chose to redact in the preview. */
  'REDACTED',
] as const;
export const IdentifierTypeSchema = z.enum(IDENTIFIER_TYPES);
export type IdentifierType = z.infer<typeof IdentifierTypeSchema>;

export const DatePolicySchema = z.enum(['safe-harbor', 'relative']);
export type DatePolicy = z.infer<typeof DatePolicySchema>;

/** One replaced span, with offsets into the input text (end exclusive). */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: IdentifierTypeSchema,
  placeholder: z.string(),
  /** A known identifier of the patient (or the clinician's own redaction): never to be kept. */
  known: z.boolean().optional(),
});
export type Span = z.infer<typeof SpanSchema>;

export const DeidResultSchema = z.object({ text: z.string(), spans: z.array(SpanSchema) });
export type DeidResult = z.infer<typeof DeidResultSchema>;

/** A detector's finding, before overlaps are resolved and placeholders given. */
export interface Candidate {
  start: number;
  end: number;
  type: IdentifierType;
  /** Known identifiers of the patient outrank every pattern. */
  known?: boolean;
  /** For dates: the parsed day (UTC ms) when the text gives a full date, and the year when it gives one. */
  time?: number;
  year?: number;
  /** For ZIP codes: the replacement (first three digits, or 000). */
  replacement?: string;
}

export interface KnownIdentifiers {
  /** Each name part (given, family, hyphenated pieces), at least two letters. */
  nameParts: string[];
  /**
   * Name parts of people named in the page's header region (the patient when the banner could not
   * be read, or a relative, an author): removed everywhere as persons, not as the patient.
   */
  personParts?: string[];
  /** Dates of birth, as UTC ms of the day. */
  birthDays: number[];
  /** Identifiers (MRN, insurance...), as written. */
  ids: Array<{ type: IdentifierType; value: string }>;
  /** Phone numbers as digits only (last ten). */
  phoneDigits: string[];
  emails: string[];
  /** Address parts: street line, city, ZIP. */
  addressParts: Array<{ type: IdentifierType; value: string }>;
}

/** What a detector is given: the text, its case- and accent-folded form, the patient's known identifiers. */
export interface DetectorInput {
  text: string;
  folded: string;
  /** The text's words, indexed once for the cued patterns of every detector. */
  cues: TextCues;
  known: KnownIdentifiers;
  /**
   * Another detector's findings on the same text, run once and shared (the known-identifier detector reuses the
   * dates').
   */
  findingsOf: (detector: DetectorName) => Candidate[];
}

export const DETECTOR_NAMES = [
  'known',
  'contact',
  'ids',
  'dates',
  'ages',
  'geo',
  'places',
  'employers',
  'organisations',
  'names',
] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** One recognizer: a name IT can read in an error, what it finds, and the function that finds it. */
export interface Detector {
  readonly name: DetectorName;
  /** What it finds, in words (shown when it fails). */
  readonly finds: string;
  detect(input: DetectorInput): Candidate[];
  /** Its cued patterns (cues.ts), each checked by a test against a scan of the whole text. */
  readonly patterns: readonly CuedPattern[];
}
