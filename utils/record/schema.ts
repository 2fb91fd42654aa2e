/**
 * The patient record: what capture produces and every later stage reads.
 * zod is the single source of truth; every type below is derived with z.infer.
 */
import { z } from 'zod';
import { PageIdentitySchema } from './identity';

/** Fields every captured item shares. */
const itemBase = {
  /** Stable within one capture: `med-3`, `lab-12`. Citations point at these. */
  id: z.string(),
  /** The item's visible text, whitespace-collapsed. */
  text: z.string(),
  /** Lets the content script find the element again (highlight, show on page). */
  ref: z.string(),
  /**
   * In a record read from several pages (Add this page): the `documentId` of the page the item was
   * read on, whose agent alone can find `ref`. Absent: the page in `source`.
   */
  page: z.string().optional(),
};

export const ProblemSchema = z.object({
  ...itemBase,
  name: z.string(),
  status: z.string().optional(),
  onset: z.string().optional(),
});

export const MedicationSchema = z.object({
  ...itemBase,
  name: z.string(),
  /** The amount taken ("20 units", "2 puffs"). */
  dose: z.string().optional(),
  /** The product's strength or concentration ("100 unit/mL"), apart from the dose. */
  strength: z.string().optional(),
  route: z.string().optional(),
  frequency: z.string().optional(),
  status: z.string().optional(),
  start: z.string().optional(),
});

export const AllergySchema = z.object({
  ...itemBase,
  substance: z.string(),
  reaction: z.string().optional(),
  severity: z.string().optional(),
});

export const VitalSchema = z.object({
  ...itemBase,
  name: z.string(),
  value: z.string(),
  unit: z.string().optional(),
  time: z.string().optional(),
});

export const LabSchema = z.object({
  ...itemBase,
  test: z.string(),
  value: z.string(),
  unit: z.string().optional(),
  range: z.string().optional(),
  flag: z.string().optional(),
  time: z.string().optional(),
});

export const ImmunizationSchema = z.object({
  ...itemBase,
  name: z.string(),
  date: z.string().optional(),
});

export const ProcedureSchema = z.object({
  ...itemBase,
  name: z.string(),
  date: z.string().optional(),
});

export const NoteSchema = z.object({
  ...itemBase,
  title: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
});

export const MessageSchema = z.object({
  ...itemBase,
  from: z.string().optional(),
  date: z.string().optional(),
  subject: z.string().optional(),
});

export const OtherSchema = z.object({
  ...itemBase,
  heading: z.string(),
});

export const IdentifierSchema = z.object({ type: z.string(), value: z.string() });

export const PatientSchema = z.object({
  name: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.string().optional(),
  age: z.string().optional(),
  identifiers: z.array(IdentifierSchema),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  address: z.string().optional(),
  /** Ref of the banner element, when one was found. */
  ref: z.string().optional(),
  /** The page the banner was read on, in a record read from several pages. */
  page: z.string().optional(),
  /** The page did not show whose chart it is, and the clinician gave the name (and record number) themselves. */
  givenBy: z.literal('clinician').optional(),
});

export const EncounterSchema = z.object({
  date: z.string().optional(),
  clinician: z.string().optional(),
  location: z.string().optional(),
  reason: z.string().optional(),
});

/** The item lists, in the order the panel shows them. */
export const ITEM_CATEGORIES = [
  'problems',
  'medications',
  'allergies',
  'vitals',
  'labs',
  'immunizations',
  'procedures',
  'notes',
  'messages',
  'other',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** One section as the page showed it: lets the panel say what was read and what was not. */
export const SectionReportSchema = z.object({
  heading: z.string(),
  category: z.enum([...ITEM_CATEGORIES, 'patient', 'encounter']),
  count: z.number().int().nonnegative(),
  /** `empty`: the page said so ("No Known Allergies"); `collapsed`/`hidden`: not visible, not read. */
  state: z.enum(['read', 'empty', 'collapsed', 'hidden']),
  /** Rows or list entries the page hid (e.g. behind "Show all N entries"): not read. */
  hiddenItems: z.number().int().nonnegative().optional(),
  /** The page it is on, in a record read from several pages (as an item's `page`). */
  page: z.string().optional(),
});

export const CaptureInfoSchema = z.object({
  /** The layout adapter that matched, or `generic`. */
  adapter: z.string(),
  sections: z.array(SectionReportSchema),
  /** Things capture could not read and the clinician should know about (cross-origin frames...). */
  skipped: z.array(z.string()),
  /** True when only the clinician's text selection was read. */
  selectionOnly: z.boolean(),
  elementsVisited: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  /** The longest stretch capture ran without giving the page's main thread back, in ms. */
  longestSliceMs: z.number().nonnegative().optional(),
  /** Capture's own work, its slices added up, in ms: `durationMs` also holds the page's turns between slices. */
  busyMs: z.number().nonnegative().optional(),
  /**
   * The page showed whose chart it is: a name, with a birth date or a record number. When false,
   * the panel says so and nothing may be sent to a model on the record's word alone.
   */
  patientIdentified: z.boolean().optional(),
  /**
   * Where the page's visible text went: typed into items, or kept as text (`other`, with its
   * heading). Banner fields, empty-state lines and controls are neither. Absent in older records.
   */
  coverage: z
    .object({
      visibleChars: z.number().int().nonnegative(),
      typedChars: z.number().int().nonnegative(),
      keptChars: z.number().int().nonnegative(),
      /** Read into the patient's details, the encounter, or a list's stated state ("No Known Allergies"). */
      bannerChars: z.number().int().nonnegative().optional(),
      /** Left out for a reason: page controls and navigation. */
      skippedChars: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

/** Longest header-region text kept: a banner, a title, a header table — never the chart. */
export const HEADER_MAX_CHARS = 6_000;

/** Most pages one record may be assembled from (Add this page): a chart's tabs, not a whole EHR. */
export const MAX_RECORD_PAGES = 8;

/** One page a record was read from: where it is, and which document its element refs belong to. */
export const RecordPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** What the clinician calls the page ("Results", "Messages"): from its title or address. */
  label: z.string(),
  capturedAt: z.string(),
  documentId: z.string(),
});
export type RecordPage = z.infer<typeof RecordPageSchema>;

export const PatientRecordSchema = z.object({
  source: z.object({
    url: z.string(),
    title: z.string(),
    capturedAt: z.string(),
    /** Which page and whose chart this was read from; writes back to the page check it. Absent only
     * in records made outside a page (unit tests, saved JSON): those never match a page. */
    identity: PageIdentitySchema.optional(),
    /**
     * The visible text of the page's header region (the title, what stands above the first clinical
     * section, elements named patient/banner/demographics/header), whatever capture made of it.
     * De-identification scans it for the patient's identifiers; it is never sent itself.
     */
    header: z
      .string()
      .max(HEADER_MAX_CHARS * MAX_RECORD_PAGES)
      .optional(),
    /**
     * Every page the record was read from, oldest first, when it was assembled from more than one
     * (Add this page). `url`, `title` and `identity` above are then those of the newest page: the
     * one the tab shows, where inserts and highlights go.
     */
    pages: z.array(RecordPageSchema).max(MAX_RECORD_PAGES).optional(),
  }),
  patient: PatientSchema,
  encounter: EncounterSchema,
  problems: z.array(ProblemSchema),
  medications: z.array(MedicationSchema),
  allergies: z.array(AllergySchema),
  vitals: z.array(VitalSchema),
  labs: z.array(LabSchema),
  immunizations: z.array(ImmunizationSchema),
  procedures: z.array(ProcedureSchema),
  notes: z.array(NoteSchema),
  messages: z.array(MessageSchema),
  other: z.array(OtherSchema),
  capture: CaptureInfoSchema,
});

export type Problem = z.infer<typeof ProblemSchema>;
export type Medication = z.infer<typeof MedicationSchema>;
export type Allergy = z.infer<typeof AllergySchema>;
export type Vital = z.infer<typeof VitalSchema>;
export type Lab = z.infer<typeof LabSchema>;
export type Immunization = z.infer<typeof ImmunizationSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Other = z.infer<typeof OtherSchema>;
export type Patient = z.infer<typeof PatientSchema>;
export type Encounter = z.infer<typeof EncounterSchema>;
export type SectionReport = z.infer<typeof SectionReportSchema>;
export type CaptureInfo = z.infer<typeof CaptureInfoSchema>;
export type PatientRecord = z.infer<typeof PatientRecordSchema>;

/** Any captured item, with the category it came from. */
export type RecordItem = PatientRecord[ItemCategory][number];

/** Where an item (or the banner) is: its element's ref, on the page it was read from. */
export type ItemLocation = { ref: string; page?: string };

/** Every item list, empty. */
export function noItems(): Pick<PatientRecord, ItemCategory> {
  return Object.fromEntries(ITEM_CATEGORIES.map((category) => [category, []])) as unknown as Pick<
    PatientRecord,
    ItemCategory
  >;
}

export function emptyRecord(source: PatientRecord['source']): PatientRecord {
  return {
    source,
    patient: { identifiers: [], phones: [], emails: [] },
    encounter: {},
    ...noItems(),
    capture: {
      adapter: 'generic',
      sections: [],
      skipped: [],
      selectionOnly: false,
      elementsVisited: 0,
      durationMs: 0,
    },
  };
}

/** Every item in the record, in display order. */
export function allItems(record: PatientRecord): Array<{ category: ItemCategory; item: RecordItem }> {
  return ITEM_CATEGORIES.flatMap((category) => (record[category] as RecordItem[]).map((item) => ({ category, item })));
}

export function findItem(record: PatientRecord, id: string) {
  return allItems(record).find(({ item }) => item.id === id);
}
