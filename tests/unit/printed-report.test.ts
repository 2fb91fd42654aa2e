/**
 * Printed reports in a <pre> (legacy print views): ruled and underlined titles, and tables read from their columns.
 */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import { legendOf, readPrintedReport, type PrintedBlock } from '../../utils/capture/printed';

const tables = (blocks: PrintedBlock[] | undefined) =>
  (blocks ?? []).filter((b): b is Extract<PrintedBlock, { kind: 'table' }> => b.kind === 'table');

describe('readPrintedReport', () => {
  it('takes titles set in rules as headings, when two or more name chart sections', () => {
    const blocks = readPrintedReport(
      [
        '----------- ALG - Allergies -----------',
        'ASPIRIN  (rash)',
        '',
        '=========== Problem List ==============',
        'Gout',
      ].join('\n'),
    );
    expect(blocks?.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text)).toEqual([
      'ALG - Allergies',
      'Problem List',
    ]);
  });

  it('leaves a note with one rule in it alone', () => {
    expect(readPrintedReport('Thanks for the update.\n----- Original message -----\nIs the dose right?')).toBe(
      undefined,
    );
  });

  it('reads columns under a line of column names, numbers flush right under theirs', () => {
    const text = [
      '------------ LAB - Chemistry ------------',
      'Drawn DT        Test Name           Result  Units    Range',
      '03/02/24 07:10  POTASSIUM            5.8 H  mmol/L   3.5 - 5.1',
      '                BLOOD UREA N.           31  mg/dL    7 - 20',
      '',
      '------------ MED - Medications ----------',
      'x',
    ].join('\n');
    const [table] = tables(readPrintedReport(text));
    expect(table.header).toEqual(['Drawn DT', 'Test Name', 'Result', 'Units', 'Range']);
    expect(table.rows).toEqual([
      ['03/02/24 07:10', 'POTASSIUM', '5.8 H', 'mmol/L', '3.5 - 5.1'],
      ['', 'BLOOD UREA N.', '31', 'mg/dL', '7 - 20'],
    ]);
  });

  it('parts columns one space apart only where the rows are blank before them and fill them', () => {
    const text = [
      '====== VS - Vital Signs ======',
      'Taken DT        Temp   Pulse Resp  Pulse Ox',
      '01/04/25 08:00  99.1   64    14    97%',
      '',
      '====== Problems ======',
      'x',
    ].join('\n');
    const [table] = tables(readPrintedReport(text));
    expect(table.header).toEqual(['Taken DT', 'Temp', 'Pulse', 'Resp', 'Pulse Ox']);
    expect(table.rows[0]).toEqual(['01/04/25 08:00', '99.1', '64', '14', '97%']);
  });

  it('joins indented lines to the row above and a long name to the rest of its row', () => {
    const text = [
      '------ RX - Outpatient Meds ------',
      'Rx #     Drug                      Qty  Status',
      '5550001  LOSARTAN 50MG TAB          90  ACTIVE',
      '         SIG: ONE TABLET DAILY',
      'INSULIN GLARGINE 100 UNIT/ML PEN, 3 ML',
      '                                    5  ACTIVE',
      'Refills due: 04/01/25',
      '',
      '------ Immunizations ------',
      'x',
    ].join('\n');
    const blocks = readPrintedReport(text)!;
    const [table] = tables(blocks);
    expect(table.rows).toEqual([
      ['5550001', 'LOSARTAN 50MG TAB SIG: ONE TABLET DAILY', '90', 'ACTIVE'],
      ['', 'INSULIN GLARGINE 100 UNIT/ML PEN, 3 ML', '5', 'ACTIVE'],
    ]);
    // A labelled line after the table is text of its own, never a row.
    expect(blocks).toContainEqual({ kind: 'text', text: 'Refills due: 04/01/25' });
  });

  it('does not take a legend of codes for column names', () => {
    const text = [
      '------ PL - Problem List ------',
      'Status: A=ACTIVE  I=INACTIVE  C=CHRONIC',
      '',
      '------ Allergies ------',
      'NKA',
    ].join('\n');
    expect(tables(readPrintedReport(text))).toEqual([]);
  });

  it("reads a legend's codes in the table under it as what they stand for, and keeps the legend as text", async () => {
    expect(legendOf('Status: A=ACTIVE I=INACTIVE  $=SERVICE CONNECTED')).toEqual(
      new Map([
        ['A', 'ACTIVE'],
        ['I', 'INACTIVE'],
        ['$', 'SERVICE CONNECTED'],
      ]),
    );
    expect(legendOf('Status: active since 2019')).toBeUndefined();
    expect(legendOf('BP=128/76 HR=72')).toBeUndefined();
    document.body.innerHTML = `<p>ROE,ANN  DOB: 01/02/1950  MRN: 4471</p><pre>
----------------- ALG - Allergies -----------------
NKA

----------------- PL - Problem List ----------------
Status: A=ACTIVE  I=INACTIVE  $=SERVICE CONNECTED
 #  St  Problem                       Onset
 1  A$  Tinnitus, bilateral           05/09/02
 2  I   Herpes zoster                 07/30/21
</pre>`;
    const record = await captureRecord(document, { register: () => 'r' });
    expect(record.problems.map((p) => [p.name, p.status])).toEqual([
      ['Tinnitus, bilateral', 'ACTIVE, SERVICE CONNECTED'],
      ['Herpes zoster', 'INACTIVE'],
    ]);
    // The item is the row as printed; only its status is read through the legend.
    expect(record.problems[0].text).toContain('A$');
    expect(record.other.map((o) => o.text)).toContain('Status: A=ACTIVE I=INACTIVE $=SERVICE CONNECTED');
  });
});
