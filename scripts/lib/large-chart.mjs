// The benchmark chart: a generated page past 50,000 elements (2,000 lab rows, 100 notes, 40 problems
// and an app shell's worth of nested layout divs). Shared by the capture benchmark and its profiler.

export function largeChart() {
  const rows = [];
  const tests = [
    'Sodium',
    'Potassium',
    'Chloride',
    'Bicarbonate',
    'BUN',
    'Creatinine',
    'Glucose',
    'Calcium',
    'Hemoglobin',
    'WBC',
  ];
  for (let i = 0; i < 2000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    rows.push(
      `<tr><td>${tests[i % tests.length]}</td><td>${(100 + (i % 37)).toFixed(1)}</td><td>mmol/L</td><td>95-145</td><td>${i % 7 === 0 ? 'H' : ''}</td><td>${String((i % 12) + 1).padStart(2, '0')}/${day}/2025</td></tr>`,
    );
  }
  const notes = [];
  for (let i = 0; i < 100; i++) {
    const paras = Array.from(
      { length: 6 },
      (_, j) =>
        `<p>Visit ${i} paragraph ${j}: patient seen for follow-up of chronic conditions; medications reviewed; <span>plan</span> discussed with <b>family</b>.</p>`,
    ).join('');
    notes.push(
      `<article class="note"><h4>Progress note ${i} — 03/${String((i % 28) + 1).padStart(2, '0')}/2025</h4>${paras}</article>`,
    );
  }
  // Filler: nested layout divs, as app shells generate, to pass 50,000 elements.
  const filler = Array.from(
    { length: 3200 },
    (_, i) =>
      `<div class="w"><div class="x"><span>Menu ${i}</span><span>item</span></div><div class="y"><i></i><i></i><i></i><i></i><i></i><i></i></div></div>`,
  ).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Large chart</title></head><body>
<h1>Bench, Patient</h1><dl><dt>DOB</dt><dd>01/02/1950</dd><dt>MRN</dt><dd>99999999</dd></dl>
<h2>Problems</h2><ul>${Array.from({ length: 40 }, (_, i) => `<li>Problem number ${i} (active, onset 2010)</li>`).join('')}</ul>
<h2>Lab Results</h2><table><thead><tr><th>Test</th><th>Result</th><th>Units</th><th>Reference range</th><th>Flag</th><th>Collected</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<h2>Progress Notes</h2>${notes.join('')}
<div class="shell">${filler}</div>
</body></html>`;
}
