#!/usr/bin/env node
// Turns the team's tagged corpus (tests/fixtures/deid/corpus.tagged.txt: [[LABEL|text]], [[LABEL*|text]]
// for known identifiers, "@patient {json}" banners, "---" between documents) into the JSONL that
// `npm run eval:deid` reads: {"text", "spans": [{"start", "end", "label", "known"?}], "patient"?}.
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? 'tests/fixtures/deid/corpus.tagged.txt';
const target = process.argv[3] ?? 'tests/fixtures/deid/corpus.jsonl';
const TAG = /\[\[([A-Z_]+)(\*?)\|([^\]]+)\]\]/g;

const docs = readFileSync(source, 'utf8')
  .split(/^---$/m)
  .map((block) =>
    block
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .trim(),
  )
  .filter(Boolean)
  .map((block) => {
    let patient;
    const body = block
      .replace(/^@patient (.+)$/m, (_, json) => {
        // A banner may show only some fields: the lists it leaves out are empty.
        const given = JSON.parse(json);
        patient = {
          ...given,
          identifiers: given.identifiers ?? [],
          phones: given.phones ?? [],
          emails: given.emails ?? [],
        };
        return '';
      })
      .trim();
    const spans = [];
    let text = '';
    let at = 0;
    for (const m of body.matchAll(TAG)) {
      text += body.slice(at, m.index);
      spans.push({ start: text.length, end: text.length + m[3].length, label: m[1], ...(m[2] ? { known: true } : {}) });
      text += m[3];
      at = m.index + m[0].length;
    }
    text += body.slice(at);
    return { text, spans, ...(patient ? { patient } : {}) };
  });

writeFileSync(target, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
const spans = docs.reduce((n, d) => n + d.spans.length, 0);
const labels = [...new Set(docs.flatMap((d) => d.spans.map((s) => s.label)))].sort();
console.log(
  `${docs.length} documents, ${spans} spans (${docs.reduce((n, d) => n + d.spans.filter((s) => s.known).length, 0)} known) over ${labels.length} labels: ${labels.join(', ')} → ${target}`,
);
