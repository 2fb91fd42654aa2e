/**
 * Readies the reader before the first read. The browser compiles a script's functions (and its patterns) the first
 * time they run, and the reader is large: the first capture of a page took 45–60 ms more than the next on the
 * benchmark machine, all of it compiling. Reading a small chart made up here — never the page's — pays that cost
 * while the clinician is still looking at the panel, so "Read this page" does not.
 */
import type { PatientRecord } from '../record/schema';
import { captureRecord } from './capture';

/** Made-up chart in the shapes the reader meets most: a banner, headed lists, a table, label–value pairs, a note. */
const SAMPLE_CHART = `<title>Sample</title><header><h1>Rivera, Ana</h1><b>DOB:</b> 01/01/1970 <b>MRN:</b> 0000 Sex: Female</header>
<h2>Allergies</h2><ul><li>Penicillin — hives</li></ul>
<h2>Problems</h2><ul><li>Essential (primary) hypertension — Active</li></ul><h3>Resolved Problems</h3><ul><li>Asthma</li></ul>
<h2>Medications</h2><div><div><span>Lisinopril 10 mg tablet</span><span>1 daily</span></div><div><span>Metformin 500 mg</span>
<span>twice daily</span></div></div>
<h2>Vitals</h2><dl><dt>BP</dt><dd>120/80 mmHg</dd><dt>Pulse</dt><dd>72 bpm</dd></dl>
<h2>Lab Results</h2><table><tr><th>Test</th><th>Result</th><th>Units</th><th>Range</th><th>Date</th></tr>
<tr><td>Sodium</td><td>140</td><td>mmol/L</td><td>135-145</td><td>01/02/2025</td></tr>
<tr><td>Potassium</td><td>5.9</td><td>mmol/L</td><td>3.5-5.1</td><td>01/02/2025</td></tr></table>
<h2>Immunizations</h2><p>Influenza vaccine — 10/01/2024</p>
<h2>Progress Notes</h2><article><h4>Office visit — 01/02/2025</h4><p>Seen for follow-up. <b>Plan:</b> recheck.</p></article>
<h2>Social History</h2><p>Never smoker.</p><h2>Messages</h2><p><b>From:</b> Patient</p><p>Can I take ibuprofen?</p>`;

/**
 * One read of the sample chart, in memory: the page is not touched, and nothing is kept or sent. The record is
 * returned only so a test can see the sample still reaches every part of the reader.
 *
 * It runs as one task that never yields (20–50 ms cold; a parsed document has no layout, so the reader takes its
 * no-layout path): the reader's per-read caches of layout and classes (text.ts) are module-wide, and a warm-up
 * interleaved with a real read would fill them with the sample's elements.
 */
export async function warmUpReader(): Promise<PatientRecord> {
  const doc = new DOMParser().parseFromString(SAMPLE_CHART, 'text/html');
  return captureRecord(doc, { register: () => '', yieldToPage: async () => undefined });
}
