/**
 * The redaction preview, the task picker, the audit view and the settings sections, rendered for
 * real (react-dom in happy-dom) against data made the way the product makes it.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../components/AuditLog';
import { PayloadPreview } from '../../components/PayloadPreview';
import { DatePolicyPicker } from '../../components/settings/DatePolicyPicker';
import { TokenBudget } from '../../components/settings/TokenBudget';
import { TaskPicker } from '../../components/TaskPicker';
import { renderDocument } from '../../scripts/portal/layouts/document.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import type { AuditEntry } from '../../utils/audit/entry';
import { captureRecord } from '../../utils/capture/capture';
import { buildPayload } from '../../utils/deidentify/payload';
import { DEFAULT_TASK_OPTIONS } from '../../utils/draft/schema';
import { loadPage } from './load-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  document.body.innerHTML = '<div id="host"></div>';
  host = document.getElementById('host')!;
  root = createRoot(host);
});
afterEach(() => act(() => root.unmount()));
const button = (name: RegExp) => [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;

describe('PayloadPreview', () => {
  it('shows exactly the text that would be sent, what was removed, and lets the clinician keep a finding', async () => {
    loadPage(renderDocument(patients[0]));
    const record = await captureRecord(document, { register: () => 'r' });
    const built = buildPayload(record, 'safe-harbor');
    if (!built.ok) throw new Error(built.error.message);
    const payload = built.value;
    document.body.innerHTML = '<div id="host"></div>';
    host = document.getElementById('host')!;
    root = createRoot(host);
    const onKeep = vi.fn();
    await act(async () =>
      root.render(
        <PayloadPreview
          payload={payload}
          datePolicy="safe-harbor"
          originalOf={(p) => payload.book.originals.get(p)}
          onRedact={() => {}}
          onKeep={onKeep}
        />,
      ),
    );
    expect(host.querySelector('pre')!.textContent).toBe(payload.text);
    expect(host.textContent).not.toContain('Ordóñez');
    expect(host.textContent).toContain('Leak guard: no identifiers found');
    expect(host.textContent).toContain('Dates: year only (Safe Harbor).');
    // Someone other than the patient (a clinician, a relative) can be kept; the patient's own identifiers cannot.
    const other = [...host.querySelectorAll('pre .placeholder')].find((el) =>
      /^\[(CLINICIAN|PERSON)-\d+\]$/.test(el.textContent ?? ''),
    );
    expect(other).toBeDefined();
    await act(async () => (other as HTMLElement).click());
    await act(async () => button(/Not an identifier/).click());
    expect(onKeep).toHaveBeenCalledWith(payload.book.originals.get(other!.textContent!));
    const patient = [...host.querySelectorAll('pre .placeholder')].find((el) => el.textContent === '[PATIENT]');
    await act(async () => (patient as HTMLElement).click());
    expect(host.textContent).toContain('This is one of the patient’s own identifiers: it is always removed.');
  });

  it('asks for a selection before redacting', async () => {
    const payload = { text: 'Seen at Riverside.', spans: [], counts: {}, leaks: [] };
    const onRedact = vi.fn();
    await act(async () =>
      root.render(
        <PayloadPreview
          payload={payload}
          datePolicy="relative"
          originalOf={() => undefined}
          onRedact={onRedact}
          onKeep={() => {}}
        />,
      ),
    );
    await act(async () => button(/Redact selected text/).click());
    expect(onRedact).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Select the words to remove in the text below first.');
  });
});

describe('TaskPicker', () => {
  it('offers the four tasks, and note options only for the note', async () => {
    const onTask = vi.fn();
    const onOptions = vi.fn();
    await act(async () =>
      root.render(<TaskPicker task="summary" options={DEFAULT_TASK_OPTIONS} onTask={onTask} onOptions={onOptions} />),
    );
    const labels = [...host.querySelectorAll('.task-choice label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Chart summary', 'Draft note', 'Next steps', 'Patient reply']);
    expect(host.querySelector('select')).toBeNull();
    await act(async () => (host.querySelector('input[value="note"]') as HTMLInputElement).click());
    expect(onTask).toHaveBeenCalledWith('note');
    await act(async () =>
      root.render(<TaskPicker task="note" options={DEFAULT_TASK_OPTIONS} onTask={onTask} onOptions={onOptions} />),
    );
    expect(host.querySelector('select')).not.toBeNull();
  });
});

describe('AuditLog', () => {
  const entries: AuditEntry[] = [
    {
      time: '2026-11-24T10:00:00Z',
      origin: 'https://ehr.example.org',
      task: 'summary',
      engine: 'offline',
      counts: {},
      outcome: 'drafted',
    },
    {
      time: '2026-11-24T10:05:00Z',
      origin: 'https://ehr.example.org',
      task: 'reply',
      engine: 'model',
      model: 'm',
      endpoint: 'gw.example.org',
      counts: { PATIENT: 3, DATE: 2 },
      outcome: 'blocked',
      errorCode: 'leak-blocked',
    },
  ];
  it('lists the newest first with counts only, and exports or clears on request', async () => {
    const onExport = vi.fn();
    const onClear = vi.fn();
    await act(async () => root.render(<AuditLog entries={entries} onExport={onExport} onClear={onClear} />));
    const rows = [...host.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['https://ehr.example.org', 'reply', 'm @ gw.example.org', '5', 'Blocked by the leak guard (leak-blocked)'],
      ['https://ehr.example.org', 'summary', 'offline', '0', 'Drafted'],
    ]);
    await act(async () => button(/Export as CSV/).click());
    await act(async () => button(/Clear the log/).click());
    expect(onExport).toHaveBeenCalledOnce();
    expect(onClear).toHaveBeenCalledOnce();
  });
  it('cannot be cleared when the organization keeps it centrally', async () => {
    await act(async () => root.render(<AuditLog entries={entries} onExport={() => {}} onClear={() => {}} managed />));
    expect(button(/Clear the log/).disabled).toBe(true);
    expect(host.textContent).toContain('cannot be cleared here');
  });
});

describe('settings sections', () => {
  it('the date policy picker shows the choice in force and reports a new one; locked, it cannot change', async () => {
    const onChoose = vi.fn();
    await act(async () => root.render(<DatePolicyPicker value="safe-harbor" locked={false} onChoose={onChoose} />));
    expect((host.querySelector('input[value="safe-harbor"]') as HTMLInputElement).checked).toBe(true);
    await act(async () => (host.querySelector('input[value="relative"]') as HTMLInputElement).click());
    expect(onChoose).toHaveBeenCalledWith('relative');
    await act(async () => root.render(<DatePolicyPicker value="safe-harbor" locked onChoose={onChoose} />));
    expect((host.querySelector('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(host.textContent).toContain('(set by your organization)');
  });
  it('the token budget refuses a number out of range and saves one in range', async () => {
    const onSave = vi.fn(async () => {});
    await act(async () => root.render(<TokenBudget value={8000} onSave={onSave} />));
    const input = host.querySelector('input[type="number"]') as HTMLInputElement;
    const type = async (value: string) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      await act(async () => {
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    await type('50');
    await act(async () => button(/Save budget/).click());
    expect(onSave).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Enter a whole number from 1,000 to 200,000.');
    await type('12000');
    await act(async () => button(/Save budget/).click());
    expect(onSave).toHaveBeenCalledWith(12000);
    expect(host.textContent).toContain('Saved: up to 12,000 tokens per draft.');
  });
});
