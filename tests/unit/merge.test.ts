/** A chart across pages: the same patient's pages join one record; another patient's page is refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import { buildPayload } from '../../utils/deidentify/payload';
import { categoryState } from '../../utils/record/category-state';
import { addPage, pageLabel, pageOf, recordPages } from '../../utils/record/merge';
import { allItems, PatientRecordSchema, type PatientRecord } from '../../utils/record/schema';
import { loadPage } from './load-page';

let refCount = 0;
async function read(html: string, documentId: string, url: string): Promise<PatientRecord> {
  loadPage(html);
  const record = await captureRecord(document, { register: () => `r${++refCount}`, documentId });
  return { ...record, source: { ...record.source, url, identity: { ...record.source.identity!, url } } };
}
const saved = (layout: string) => readFileSync(`tests/fixtures/pages/${layout}.html`, 'utf8');

describe('Add this page', () => {
  it('joins two pages of one patient: items keep their page, ids stay unique, duplicates are kept once', async () => {
    const messages = await read(saved('messages'), 'doc-messages', 'http://portal.test/patient/p1001/messages');
    const dashboard = await read(saved('dashboard'), 'doc-dashboard', 'http://portal.test/patient/p1001/dashboard');
    // The Messages page does not show the allergy list; the dashboard does.
    expect(categoryState(messages, 'allergies')).toBe('absent');
    const result = addPage(messages, dashboard);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const merged = result.value;
    expect(PatientRecordSchema.safeParse(merged).success).toBe(true);
    expect(categoryState(merged, 'allergies')).toBe('shown');
    expect(recordPages(merged).map((p) => p.label)).toEqual(['Messages', 'Dashboard']);
    // The newest page is the one the tab shows: inserts and highlights go there.
    expect(merged.source.identity?.documentId).toBe('doc-dashboard');

    const items = allItems(merged).map(({ item }) => item);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => i.page === 'doc-messages' || i.page === 'doc-dashboard')).toBe(true);
    // Every message item keeps the id it was cited by before the page was added.
    for (const item of allItems(messages))
      expect(merged[item.category].some((i) => i.id === item.item.id && i.page === 'doc-messages')).toBe(true);
    // The portal messages both pages show are one item each (the first page's), not two.
    expect(dashboard.messages.length).toBeGreaterThan(0);
    expect(merged.messages.map((m) => m.id)).toEqual(messages.messages.map((m) => m.id));
    const fromDashboard = merged.allergies[0];
    expect(pageOf(merged, fromDashboard)?.label).toBe('Dashboard');
  });

  it('the patient’s identifiers from either page are removed from what would be sent', async () => {
    const messages = await read(saved('messages'), 'm', 'http://portal.test/patient/p1001/messages');
    const dashboard = await read(saved('dashboard'), 'd', 'http://portal.test/patient/p1001/dashboard');
    const merged = addPage(messages, dashboard);
    if (!merged.ok) throw new Error(merged.error.message);
    const payload = buildPayload(merged.value, 'safe-harbor');
    if (!payload.ok) throw new Error(payload.error.message);
    for (const id of merged.value.patient.identifiers) expect(payload.value.text).not.toContain(id.value);
    expect(payload.value.text).not.toContain('Ordóñez');
    expect(payload.value.leaks).toEqual([]);
  });

  it('reading a page already in the record again replaces what was read from it', async () => {
    const messages = await read(saved('messages'), 'm1', 'http://portal.test/patient/p1001/messages');
    const dashboard = await read(saved('dashboard'), 'd1', 'http://portal.test/patient/p1001/dashboard');
    const once = addPage(messages, dashboard);
    if (!once.ok) throw new Error(once.error.message);
    const again = await read(saved('dashboard'), 'd2', 'http://portal.test/patient/p1001/dashboard');
    const twice = addPage(once.value, again);
    if (!twice.ok) throw new Error(twice.error.message);
    expect(recordPages(twice.value).map((p) => p.documentId)).toEqual(['m1', 'd2']);
    expect(twice.value.allergies.length).toBe(once.value.allergies.length);
    expect(twice.value.allergies.every((a) => a.page === 'd2')).toBe(true);
    expect(twice.value.capture.sections.some((s) => s.page === 'd1')).toBe(false);
  });

  it('refuses a page of another patient, and a page that does not say whose chart it is', async () => {
    const mine = await read(saved('dashboard'), 'a', 'http://portal.test/patient/p1001/dashboard');
    const otherHtml = saved('messages')
      .replace(/Ordóñez/g, 'Whitfield')
      .replace(/Maria Elena|Maria/g, 'James')
      .replace(/00482913/g, '00777123');
    const other = await read(otherHtml, 'b', 'http://portal.test/patient/p1002/messages');
    const refused = addPage(mine, other);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('different-patient');
      expect(refused.error.message).toMatch(/different patient/);
    }
    const anonymous = await read(
      '<h1>Results</h1><table><tr><th>Test</th><th>Result</th></tr><tr><td>Potassium</td><td>4.1</td></tr></table>',
      'c',
      'http://portal.test/results',
    );
    const unknown = addPage(mine, anonymous);
    expect(unknown.ok ? 'added' : unknown.error.code).toBe('page-patient-unknown');
  });
});

describe('pageLabel', () => {
  it('names a page by the part of its title that is neither the patient nor the product', () => {
    expect(
      pageLabel(
        'Maria Ordóñez — Messages · Riverside Health Portal (demo)',
        'http://x/patient/p1/messages',
        'Maria Ordóñez',
        0,
      ),
    ).toBe('Messages');
    expect(pageLabel('Results | Ordóñez, Maria', 'http://x/a', 'Maria Ordóñez', 1)).toBe('Results');
    expect(pageLabel('', 'http://x/chart/lab-results', undefined, 1)).toBe('Lab results');
    expect(pageLabel('', 'http://x/', undefined, 2)).toBe('Page 3');
  });
});
