/**
 * Placeholders that keep meaning: typed, numbered, stable within one request (the same person or
 * date gets the same placeholder wherever it appears), with the real values kept only here.
 */
import { z } from 'zod';
import { DatePolicySchema, IdentifierTypeSchema, type Candidate, type DatePolicy, type IdentifierType } from './types';
import { digitsOf, fold } from './text';

const DAY = 86_400_000;

/** The last word of a name: one person named in full or by surname keeps one number. */
function surname(name: string): string {
  const trimmed = name.trimEnd();
  return trimmed.slice(Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t')) + 1);
}

/** A book as plain data, to cross from the de-identification worker to the panel (never further). */
export const PlaceholderBookStateSchema = z.object({
  policy: DatePolicySchema,
  referenceDay: z.number().optional(),
  byKey: z.array(z.tuple([z.string(), z.string()])),
  counters: z.array(z.tuple([IdentifierTypeSchema, z.number().int()])),
  originals: z.array(z.tuple([z.string(), z.string()])),
});
export type PlaceholderBookState = z.infer<typeof PlaceholderBookStateSchema>;

/**
 * The placeholder grammar, read back: exactly what PlaceholderBook.make writes — [PATIENT], [PERSON-2],
 * [DATE-1 (2021)], [DATE-3 (+4 days)], [AGE 90 or older], [ZIP 021]. Filling back, the leak guard and verification
 * all recognise placeholders through these two functions, so the format lives here alone.
 */
const PLACEHOLDER = String.raw`\[(?:PATIENT|[A-Z_]+-\d+(?: \([^)\]]*\))?|AGE 90 or older|ZIP \d{3})\]`;
const EVERY_PLACEHOLDER = new RegExp(PLACEHOLDER, 'g');
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER, 'y');

/** The text with each placeholder replaced by what `by` returns for it. */
export function replacePlaceholders(text: string, by: (placeholder: string) => string): string {
  return text.replace(EVERY_PLACEHOLDER, by);
}

/** Whether a placeholder starts at `index` of the text. */
export function placeholderAt(text: string, index: number): boolean {
  PLACEHOLDER_AT.lastIndex = index;
  return PLACEHOLDER_AT.test(text);
}

export class PlaceholderBook {
  private readonly byKey = new Map<string, string>();
  private readonly counters = new Map<IdentifierType, number>();
  /**
   * placeholder → the original text it replaced (first seen; the patient in running-text order). Never sent anywhere.
   */
  readonly originals = new Map<string, string>();

  constructor(
    readonly policy: DatePolicy = 'safe-harbor',
    /** The day relative dates count from (the page's reference date), as UTC ms. */
    readonly referenceDay?: number,
  ) {}

  toState(): PlaceholderBookState {
    return {
      policy: this.policy,
      referenceDay: this.referenceDay,
      byKey: [...this.byKey],
      counters: [...this.counters],
      originals: [...this.originals],
    };
  }

  /** The same book again, so accepted next steps get the placeholders the payload already used. */
  static fromState(state: PlaceholderBookState): PlaceholderBook {
    const book = new PlaceholderBook(state.policy, state.referenceDay);
    for (const [key, placeholder] of state.byKey) book.byKey.set(key, placeholder);
    for (const [type, n] of state.counters) book.counters.set(type, n);
    for (const [placeholder, original] of state.originals) book.originals.set(placeholder, original);
    return book;
  }

  placeholderFor(candidate: Candidate, original: string): string {
    const key = this.keyOf(candidate, original);
    let placeholder = this.byKey.get(key);
    if (!placeholder) {
      placeholder = this.make(candidate);
      this.byKey.set(key, placeholder);
    }
    const known = this.originals.get(placeholder);
    // The patient is filled back in as written in running text ("Maria Elena Ordóñez"), not in the
    // banner's "Ordóñez, Maria Elena": a model's "Hello [PATIENT]" must read like a greeting.
    if (
      known === undefined ||
      (candidate.type === 'PATIENT' && known.includes(',') && !original.includes(',') && original.trim().includes(' '))
    ) {
      this.originals.set(placeholder, original);
    }
    return placeholder;
  }

  private keyOf(c: Candidate, original: string): string {
    switch (c.type) {
      case 'PATIENT':
        return 'PATIENT';
      case 'PHONE':
      case 'FAX':
        return `${c.type}:${digitsOf(original).slice(-10)}`;
      case 'DATE':
        return c.time !== undefined ? `DATE:${c.time}` : `DATE:${fold(original)}`;
      case 'PERSON':
      case 'CLINICIAN':
        // The same person keeps one number whether named in full or by surname only.
        return `NAME:${surname(fold(original))}`;
      default:
        return `${c.type}:${fold(original).replace(/[\s.,-]+/g, '')}`;
    }
  }

  private next(type: IdentifierType): number {
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    return n;
  }

  private make(c: Candidate): string {
    switch (c.type) {
      case 'PATIENT':
        return '[PATIENT]';
      case 'AGE':
        return '[AGE 90 or older]';
      case 'ZIP':
        return `[ZIP ${c.replacement ?? '000'}]`;
      case 'DATE': {
        const n = this.next('DATE');
        if (this.policy === 'relative' && c.time !== undefined && this.referenceDay !== undefined) {
          const days = Math.round((c.time - this.referenceDay) / DAY);
          return `[DATE-${n} (${days === 0 ? 'day 0' : `${days > 0 ? '+' : ''}${days} days`})]`;
        }
        return c.year !== undefined ? `[DATE-${n} (${c.year})]` : `[DATE-${n}]`;
      }
      default:
        return `[${c.type}-${this.next(c.type)}]`;
    }
  }
}
