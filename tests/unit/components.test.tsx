/** The panel's components rendered for real (react-dom in happy-dom) against captured fixture data. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftView } from '../../components/DraftView';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ElsewhereNotice, PagesIncluded } from '../../components/PagesIncluded';
import { RecordView } from '../../components/RecordView';
import { renderDocument } from '../../scripts/portal/layouts/document.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { runOffline } from '../../utils/draft/offline';
import type { PatientRecord } from '../../utils/record/schema';
import { trendsByItem } from '../../utils/record/trends';
import { loadPage } from './load-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let record: PatientRecord;
let host: HTMLElement;
let root: Root;

beforeEach(async () => {
  loadPage(renderDocument(patients[0]));
  let n = 0;
  record = await captureRecord(document, { register: () => `r${++n}` });
  document.body.innerHTML = '<div id="host"></div>';
  host = document.getElementById('host')!;
  root = createRoot(host);
});
afterEach(() => act(() => root.unmount()));

const button = (name: RegExp) =>
  Array.from(host.querySelectorAll('button')).find(
    (b) => name.test(b.textContent ?? '') || name.test(b.getAttribute('aria-label') ?? ''),
  )!;

describe('RecordView', () => {
  it('shows counts per section, lists items on demand, and asks to show an item on the page', async () => {
    const onShow = vi.fn();
    await act(async () => root.render(<RecordView record={record} onShow={onShow} />));
    expect(host.querySelector('[data-category="medications"] .badge')!.textContent).toBe('5');
    expect(host.textContent).toContain('PROCEDURES is collapsed');
    expect(host.textContent).toContain('Earlier notes (1) is collapsed');
    await act(async () => button(/^Medications/).click());
    await act(async () => button(/^Lisinopril/).click());
    expect(onShow).toHaveBeenCalledWith(record.medications[1]);
  });

  it('renders page text as text, never as markup', async () => {
    const hostile = {
      ...record,
      problems: [{ ...record.problems[0], text: '<img src=x onerror="window.pwned=1">Diabetes' }],
    };
    await act(async () => root.render(<RecordView record={hostile} onShow={() => {}} />));
    await act(async () => button(/^Problems/).click());
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror="window.pwned=1">Diabetes');
  });
});

describe('DraftView', () => {
  it('shows each statement with chips that point at its sources', async () => {
    const onShow = vi.fn();
    const output = runOffline('summary', record);
    await act(async () => root.render(<DraftView output={output} record={record} onShow={onShow} />));
    expect(host.querySelector('h2')!.textContent).toBe('Chart summary (offline draft)');
    expect(host.textContent).toContain('Offline draft · nothing was sent');
    await act(async () => button(/Show source med-1 on the page/).click());
    expect(onShow).toHaveBeenCalledWith(record.medications[0]);
  });
});

describe('DraftView trends', () => {
  it('beside a statement that cites a result measured more than once, draws its trend', async () => {
    const [[id, trend]] = [...trendsByItem(record)];
    const output = {
      ...runOffline('summary', record),
      sections: [{ heading: 'Results', statements: [{ text: `${trend.label} trend`, cites: [id] }] }],
    };
    await act(async () => root.render(<DraftView output={output} record={record} onShow={() => {}} />));
    const chart = host.querySelector('.cited-trends svg[role="img"]');
    expect(chart?.getAttribute('aria-label')).toMatch(new RegExp(`^${trend.label} trend: .+, then .+`));
    const uncited = { ...output, sections: [{ heading: 'Results', statements: [{ text: 'No citation', cites: [] }] }] };
    await act(async () => root.render(<DraftView output={uncited} record={record} onShow={() => {}} />));
    expect(host.querySelector('.cited-trends')).toBeNull();
  });
});

describe('PagesIncluded and ElsewhereNotice', () => {
  const pages = [
    {
      url: 'http://ehr.test/p/1/messages',
      title: 'Messages',
      label: 'Messages',
      capturedAt: '2026-11-24T10:00:00Z',
      documentId: 'a',
    },
    {
      url: 'http://ehr.test/p/1/results',
      title: 'Results',
      label: 'Results',
      capturedAt: '2026-11-24T10:01:00Z',
      documentId: 'b',
    },
  ];
  it('lists the pages a record was read from, marks the open one, and opens another on request', async () => {
    const onOpen = vi.fn();
    await act(async () => root.render(<PagesIncluded pages={pages} currentDocumentId="b" onOpen={onOpen} />));
    expect(host.textContent).toBe('Read from 2 pages of this chart: Messages · Results (open now)');
    await act(async () => button(/^Messages$/).click());
    expect(onOpen).toHaveBeenCalledWith(pages[0]);
  });
  it('says nothing for a record read from one page', async () => {
    await act(async () => root.render(<PagesIncluded pages={pages.slice(0, 1)} currentDocumentId="a" />));
    expect(host.textContent).toBe('');
  });
  it('says which page an item is on, with the way to open it', async () => {
    const onOpen = vi.fn();
    await act(async () => root.render(<ElsewhereNotice page={pages[0]} onOpen={onOpen} onDismiss={() => {}} />));
    expect(host.textContent).toContain('That item is on the Messages page of this chart, not the page open now.');
    await act(async () => button(/^Open the Messages page$/).click());
    expect(onOpen).toHaveBeenCalledWith(pages[0]);
  });
});

describe('ErrorNotice', () => {
  it('leads with the clinician message and folds the detail away', async () => {
    const retry = vi.fn();
    await act(async () =>
      root.render(
        <ErrorNotice
          error={{ code: 'no-access', message: 'Click the toolbar button.', detail: 'Cannot access contents' }}
          onRetry={retry}
        />,
      ),
    );
    expect(host.querySelector('[role="alert"] p')!.textContent).toBe('Click the toolbar button.');
    expect(host.querySelector('details summary')!.textContent).toBe('Technical detail');
    await act(async () => button(/Try again/).click());
    expect(retry).toHaveBeenCalled();
  });
});

describe('GivePatient', () => {
  it('offers text selected on the page as the name or the record number, and gives what the clinician chose', async () => {
    const { GivePatient } = await import('../../components/GivePatient');
    const onGive = vi.fn();
    await act(async () => root.render(<GivePatient onGive={onGive} selectedText="Quill, Tobias" />));
    expect(host.querySelector('[data-testid="selected-on-page"]')!.textContent).toContain('“Quill, Tobias”');
    await act(async () => button(/^Use as name$/).click());
    const [name, id] = Array.from(host.querySelectorAll('input'));
    expect(name.value).toBe('Quill, Tobias');
    expect(id.value).toBe('');
    await act(async () => (host.querySelector('form') as HTMLFormElement).requestSubmit());
    expect(onGive).toHaveBeenCalledWith({ name: 'Quill, Tobias' });
  });

  it('offers nothing when nothing is selected', async () => {
    const { GivePatient } = await import('../../components/GivePatient');
    await act(async () => root.render(<GivePatient onGive={() => {}} />));
    expect(host.querySelector('[data-testid="selected-on-page"]')).toBeNull();
    expect(button(/^Use this patient$/).disabled).toBe(true);
  });
});

describe('TrendChart', () => {
  it('draws a result with two or more values, with every value in its text alternative', async () => {
    const { TrendChart } = await import('../../components/TrendChart');
    const { trendsOf } = await import('../../utils/record/trends');
    const trend = trendsOf(record).get(record.labs.find((l) => /A1c/.test(l.test) && l.time === '11/12/2026')!.id)!;
    expect(trend.points.map((p) => p.value)).toEqual([7.9, 8.4]);
    await act(async () => root.render(<TrendChart {...trend} />));
    const svg = host.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toBe('Hemoglobin A1c trend: 7.9 % on 05/01/2026, then 8.4 % on 11/12/2026');
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
  });

  it('draws nothing for a single value', async () => {
    const { TrendChart } = await import('../../components/TrendChart');
    await act(async () => root.render(<TrendChart label="Potassium" points={[{ value: 4.9, time: '11/12/2026' }]} />));
    expect(host.querySelector('svg')).toBeNull();
  });
});
