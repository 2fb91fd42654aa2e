import { describe, expect, it, vi } from 'vitest';
import { insertText, isEditable, trackEditableFocus } from '../../utils/handback/insert';
import { patientKeyOf } from '../../utils/record/identity';
import { draftToText } from '../../utils/handback/plain-text';

describe('insert into the page', () => {
  it('puts the text at the cursor of a textarea and fires the input and change events', () => {
    document.body.innerHTML =
      '<label for="r">Reply to patient</label><textarea id="r">Dear Maria,\n\nBest, Dr. W</textarea>';
    const box = document.getElementById('r') as HTMLTextAreaElement;
    box.setSelectionRange(12, 12);
    const events: string[] = [];
    box.addEventListener('input', () => events.push('input'));
    box.addEventListener('change', () => events.push('change'));
    expect(insertText(box, 'Your A1c improved.')).toBe('Reply to patient');
    expect(box.value).toBe('Dear Maria,\nYour A1c improved.\nBest, Dr. W');
    expect(events).toEqual(['input', 'change']);
  });

  it('writes into rich-text (contenteditable) fields too', () => {
    document.body.innerHTML = '<div contenteditable="true" aria-label="Note body"></div>';
    const div = document.querySelector('div')!;
    const onInput = vi.fn();
    div.addEventListener('input', onInput);
    expect(insertText(div, 'Plan: recheck A1c.')).toBe('Note body');
    expect(div.textContent).toBe('Plan: recheck A1c.');
    expect(onInput).toHaveBeenCalled();
  });

  it('remembers the last field the clinician clicked into, and ignores what cannot be written', () => {
    document.body.innerHTML =
      '<textarea id="a"></textarea><input id="b" type="checkbox"><textarea id="c" readonly></textarea>';
    const chosen = trackEditableFocus(document).field;
    const a = document.getElementById('a')!;
    a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    (document.activeElement as HTMLElement | null)?.blur?.();
    expect(chosen()).toBe(a);
    expect(isEditable(document.getElementById('b'))).toBe(false);
    expect(isEditable(document.getElementById('c'))).toBe(false);
  });
});

describe('a draft as plain text', () => {
  it('keeps headings and statements, drops citation ids', () => {
    const text = draftToText({
      task: 'summary',
      engine: 'offline',
      title: 'Chart summary',
      sections: [
        { heading: 'Synopsis', statements: [{ text: '68-year-old with diabetes.', cites: ['prob-1'] }] },
        {
          heading: 'Medications',
          statements: [
            { text: 'Metformin 1000 mg PO twice daily', cites: ['med-1'] },
            { text: 'Lisinopril 20 mg PO daily', cites: ['med-2'] },
          ],
        },
      ],
    });
    expect(text).toBe(
      'Synopsis\n- 68-year-old with diabetes.\n\nMedications\n- Metformin 1000 mg PO twice daily\n- Lisinopril 20 mg PO daily',
    );
  });
});

describe('drafts kept for the browser session', () => {
  const output = { task: 'summary' as const, engine: 'offline' as const, title: 't', sections: [] };
  const maria = {
    url: 'http://ehr/p/1',
    documentId: 'doc-a',
    patient: patientKeyOf({
      name: 'Maria Elena Ordóñez',
      birthDate: '1957-03-14',
      identifiers: [{ type: 'MRN', value: '00482913' }],
    }),
  };
  const james = {
    url: 'http://ehr/p/2',
    documentId: 'doc-b',
    patient: patientKeyOf({
      name: "James Patrick O'Neil",
      birthDate: '1949-07-02',
      identifiers: [{ type: 'MRN', value: '00519377' }],
    }),
  };

  it('live in session storage per tab and patient, never in local storage, without names, and ignore anything malformed', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { clearDraft, loadDrafts, saveDraft } = await import('../../utils/handback/draft-store');
    fakeBrowser.reset();
    await saveDraft(7, { output, text: 'Edited text', identity: maria });
    expect(await loadDrafts(7)).toMatchObject([{ output, text: 'Edited text', identity: maria }]);
    expect(await loadDrafts(8)).toEqual([]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    const stored = JSON.stringify(await fakeBrowser.storage.session.get());
    expect(stored).not.toMatch(/Maria|Ord|00482913|1957/i);
    await fakeBrowser.storage.session.set({ 'draft:9:x': { output: 'garbage' } });
    expect(await loadDrafts(9)).toEqual([]);
    await clearDraft(7, maria);
    expect(await loadDrafts(7)).toEqual([]);
  });

  it("offer a tab's draft only on a page that shows the same patient", async () => {
    const { sortDrafts } = await import('../../utils/handback/draft-store');
    const drafts = [{ output, text: 'for Maria', identity: maria, savedAt: '2026-12-01T10:00:00Z' }];
    const mariaElsewhere = {
      url: 'http://ehr/p/1/labs',
      documentId: 'doc-c',
      patient: patientKeyOf({ name: 'ORDONEZ, MARIA', identifiers: [{ type: 'MRN', value: '00482913' }] }),
    };
    expect(sortDrafts(drafts, mariaElsewhere)).toMatchObject({ mine: { text: 'for Maria' }, others: 0 });
    expect(sortDrafts(drafts, james)).toEqual({ mine: undefined, others: 1 });
    const nobody = { url: 'http://ehr/x', documentId: 'doc-d', patient: patientKeyOf({ identifiers: [] }) };
    expect(sortDrafts(drafts, nobody)).toEqual({ mine: undefined, others: 1 });
    expect(sortDrafts(drafts, undefined)).toEqual({ others: 1 });
  });
});
