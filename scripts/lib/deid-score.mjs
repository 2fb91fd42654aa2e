// Scoring of de-identification against annotated spans, shared by `npm run eval:deid` and the
// unit test that holds the team corpus to its targets.
//   span recall — a gold span is caught when every character of it but separators was replaced;
//   leak recall — the original value no longer stands as a word in the output (any case);
//   precision   — a replaced span is right when it overlaps a gold span.
// And per document, as a clinician meets them: the share of documents with identifiers that leak at least one
// (a value still standing as a word), and the share of identifier-free documents whose text was altered at all.

const TYPE_LABEL = { PATIENT: 'NAME', PERSON: 'NAME', CLINICIAN: 'NAME' };
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const tally = () => ({ gold: 0, caught: 0, leaked: 0, found: 0, right: 0 });

/** @param run (doc) => {text, spans} — de-identifies one document. */
export function scoreDocs(docs, run) {
  const overall = tally();
  const known = tally();
  const byLabel = new Map();
  const misses = [];
  const falsePositives = [];
  const documents = { withIdentifiers: 0, leaking: 0, identifierFree: 0, altered: 0 };
  const label = (name) => byLabel.get(name) ?? byLabel.set(name, tally()).get(name);
  const around = (text, start, end) =>
    `…${text.slice(Math.max(0, start - 30), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 20)}…`.replace(
      /\n/g,
      ' ',
    );
  for (const doc of docs) {
    const result = run(doc);
    const covered = new Uint8Array(doc.text.length);
    for (const s of result.spans) covered.fill(1, s.start, s.end);
    const output = result.text.toLowerCase();
    if (doc.spans.length) documents.withIdentifiers++;
    else {
      documents.identifierFree++;
      if (result.text !== doc.text) documents.altered++;
    }
    let leaks = false;
    for (const g of doc.spans) {
      const value = doc.text.slice(g.start, g.end);
      // Separators between replaced parts (the ", " in "Street, Unit 12") need not be replaced.
      const caught = [...value].every((ch, i) => covered[g.start + i] || /[\s,;:.]/.test(ch));
      // A leak is the value still standing as a word: a two-letter name "An" inside "and" is no leak.
      const leaked = new RegExp(`(?<![\\p{L}\\p{N}])${escape(value.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(
        output,
      );
      if (leaked) leaks = true;
      for (const t of [overall, label(g.label), ...(g.known ? [known] : [])]) {
        t.gold++;
        if (caught) t.caught++;
        if (leaked) t.leaked++;
      }
      if (!caught) misses.push(`${g.label}${g.known ? '*' : ''} "${value}"  ${around(doc.text, g.start, g.end)}`);
    }
    if (leaks) documents.leaking++;
    for (const s of result.spans) {
      const right = doc.spans.some((g) => g.start < s.end && s.start < g.end);
      for (const t of [overall, label(TYPE_LABEL[s.type] ?? s.type)]) {
        t.found++;
        if (right) t.right++;
      }
      if (!right)
        falsePositives.push(`${s.type} "${doc.text.slice(s.start, s.end)}"  ${around(doc.text, s.start, s.end)}`);
    }
  }
  const rates = (t) => ({
    ...t,
    recall: t.gold ? t.caught / t.gold : NaN,
    leakRecall: t.gold ? (t.gold - t.leaked) / t.gold : NaN,
    precision: t.found ? t.right / t.found : NaN,
  });
  return {
    overall: rates(overall),
    known: rates(known),
    byLabel: new Map([...byLabel.entries()].sort().map(([k, t]) => [k, rates(t)])),
    documents,
    misses,
    falsePositives,
  };
}
