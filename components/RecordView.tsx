import { useMemo, useState } from 'react';
import {
  ITEM_CATEGORIES,
  type ItemCategory,
  type ItemLocation,
  type PatientRecord,
  type RecordItem,
} from '../utils/record/schema';
import { categoryState, describeMissing } from '../utils/record/category-state';
import type { PatientGiven } from '../utils/record/identity';
import { GivePatient } from './GivePatient';
import { TrendChart } from './TrendChart';
import { trendsOf } from '../utils/record/trends';
import { CATEGORY_INFO } from '../utils/record/categories';
import { groupThousands } from '../utils/numbers';

/** The lists a clinician expects on every chart: each says which kind of nothing it is when it has no items. */
const KEY_CATEGORIES = ['problems', 'medications', 'allergies', 'vitals', 'labs', 'immunizations'] as const;

export type RecordViewProps = {
  record: PatientRecord;
  /**
   * Scrolls the EHR page to the element behind an item and outlines it; absent while the page no longer shows what
   * was read.
   */
  onShow?: (where: ItemLocation) => void;
  /** When the page does not say whose chart it is: the clinician names the patient. */
  onGivePatient?: (given: PatientGiven) => void;
  /** Short text selected on the page, offered when the clinician names the patient. */
  selectedText?: string;
};

export function itemLabel(item: RecordItem): string {
  return item.text.length > 140 ? `${item.text.slice(0, 137)}…` : item.text;
}

/** No patient and no chart item: text kept as text (Other) alone does not make a chart. */
export function isEmptyRecord(record: PatientRecord): boolean {
  return !record.patient.name && ITEM_CATEGORIES.every((c) => c === 'other' || record[c].length === 0);
}

/** How much of the page became chart items, said plainly: nothing is dropped without saying so. */
function CoverageLine({ coverage }: { coverage: NonNullable<PatientRecord['capture']['coverage']> }) {
  const share = (chars = 0) => Math.min(100, Math.round((100 * chars) / coverage.visibleChars));
  const typed = share(coverage.typedChars + (coverage.bannerChars ?? 0));
  const kept = share(coverage.keptChars);
  return (
    <p className="small" data-testid="coverage">
      Read {typed}% of the page’s text as the patient’s details and chart items
      {kept ? `; ${kept}% kept as text (Other)` : ''}
      {coverage.skippedChars ? '; page controls and menus left out' : ''}.
    </p>
  );
}

export function RecordView({ record, onShow, onGivePatient, selectedText }: RecordViewProps) {
  const [open, setOpen] = useState<ItemCategory | null>(null);
  const trends = useMemo(() => trendsOf(record), [record]);
  const { patient, capture } = record;
  const unread = capture.sections.filter((s) => s.state === 'collapsed' || s.state === 'hidden');
  const partly = capture.sections.filter((s) => s.hiddenItems);
  return (
    <section className="record" aria-label="Captured record">
      <div className="patient-line">
        {patient.ref ? (
          <button
            type="button"
            className="linklike"
            onClick={() => onShow?.({ ref: patient.ref!, page: patient.page })}
            disabled={!onShow}
          >
            {patient.name ?? 'Unnamed patient'}
          </button>
        ) : (
          <strong>{patient.name ?? 'No patient banner found'}</strong>
        )}
        {[patient.age ? `${patient.age} y` : '', patient.sex ?? '', patient.birthDate ? `DOB ${patient.birthDate}` : '']
          .filter(Boolean)
          .map((part) => (
            <span key={part} className="muted">
              {' '}
              · {part}
            </span>
          ))}
      </div>
      {capture.patientIdentified === false ? (
        <p className="notice notice-warn small" role="status" data-testid="patient-unidentified">
          Chartside could not tell whose chart this is: the page shows no patient name with a birth date or record
          number.
        </p>
      ) : null}
      {capture.patientIdentified === false && onGivePatient ? (
        <GivePatient onGive={onGivePatient} selectedText={selectedText} />
      ) : null}
      {patient.givenBy === 'clinician' ? (
        <p className="notice small" role="status" data-testid="patient-given">
          Patient named by you, not read from the page. Check the page is this patient&apos;s chart before inserting
          anything.
        </p>
      ) : null}
      <p className="muted small">
        Read {groupThousands(capture.elementsVisited)} elements in {Math.round(capture.durationMs)} ms
        {capture.selectionOnly ? ' · selection only' : ''} · layout:{' '}
        {capture.adapter === 'generic' ? 'not recognised, read as text and tables' : capture.adapter}
      </p>
      {capture.coverage && capture.coverage.visibleChars > 0 ? <CoverageLine coverage={capture.coverage} /> : null}
      <ul className="counts">
        {ITEM_CATEGORIES.filter((c) => record[c].length > 0).map((category) => (
          <li key={category}>
            <button
              type="button"
              className="count"
              aria-expanded={open === category}
              onClick={() => setOpen(open === category ? null : category)}
              data-category={category}
            >
              <span>{CATEGORY_INFO[category].label}</span> <span className="badge">{record[category].length}</span>
            </button>
            {open === category ? (
              <ul className="items">
                {(record[category] as RecordItem[]).map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="item"
                      onClick={() => onShow?.(item)}
                      disabled={!onShow}
                      title="Show on page"
                    >
                      {itemLabel(item)}
                    </button>
                    {trends.has(item.id) ? <TrendChart {...trends.get(item.id)!} /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <ul className="small muted missing" data-testid="category-states">
        {KEY_CATEGORIES.filter((c) => categoryState(record, c) !== 'shown').map((category) => (
          <li key={category} data-state={categoryState(record, category)}>
            {describeMissing(record, category, CATEGORY_INFO[category].label)}
          </li>
        ))}
      </ul>
      {unread.length || partly.length || capture.skipped.length ? (
        <div className="notice notice-warn" role="status">
          <p>Not everything on the page was read:</p>
          <ul>
            {unread.map((s) => (
              <li key={`${s.heading}-${s.state}`}>
                <strong>{s.heading}</strong> is {s.state}. Expand it on the page, then read again.
              </li>
            ))}
            {partly.map((s) => (
              <li key={`${s.heading}-partly`}>
                <strong>{s.heading}</strong>: {s.hiddenItems} more entries are hidden on the page.
              </li>
            ))}
            {capture.skipped.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
