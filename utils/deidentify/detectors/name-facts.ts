/**
 * Names found by what only a person has right after them: a birth date or an age and sex ("Joaquín Etxeberria (DOB
 * 02/27/2013)", "Will Castellano (30M, HCM)"), and a nickname in quotes in brackets ('GRANT-ELLERY, Oluwaseun
 * ("Seun")'). Used by the name detector (names.ts), which gives the name patterns.
 */

/** A birth date or an age and sex given in brackets or after a comma: "(DOB …", ", DOB", "(30M", "(92 y/o". */
const PERSON_FACTS = /[(,][ \t]*(?:DOB\b|D\.O\.B\.|\d{1,3}[ \t]?(?:[MF]\b|y\/?o\b|yo\b|-year-old\b))/g;
/** How far back a name may start before its facts. */
const WINDOW = 60;

export interface NameBeforeFacts {
  start: number;
  name: string;
  /** The quoted nickname itself, which nothing but a person has. */
  nickname: boolean;
}

/**
 * @param nameBefore a name at the end of a string (the detector's NAME pattern anchored with `$`)
 * @param token one word of a name (the detector's TOKEN pattern)
 */
export function namesBeforePersonFacts(text: string, nameBefore: RegExp, token: string): NameBeforeFacts[] {
  const out: NameBeforeFacts[] = [];
  const nameEndingAt = (end: number) => {
    const from = Math.max(0, end - WINDOW);
    const window = text.slice(from, end).replace(/[ \t]+$/, '');
    const name = window.match(nameBefore)?.[0];
    return name ? { start: from + window.length - name.length, name } : undefined;
  };
  PERSON_FACTS.lastIndex = 0;
  for (let m = PERSON_FACTS.exec(text); m; m = PERSON_FACTS.exec(text)) {
    const found = nameEndingAt(m.index);
    if (found) out.push({ ...found, nickname: false });
  }
  const quoted = new RegExp(`\\([ \\t]*["“'‘](${token})["”'’][ \\t]*\\)`, 'g');
  for (let m = quoted.exec(text); m; m = quoted.exec(text)) {
    if (nameEndingAt(m.index)) out.push({ start: m.index + m[0].indexOf(m[1]), name: m[1], nickname: true });
  }
  return out;
}
