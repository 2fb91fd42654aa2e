/**
 * Roads named by their number, where no house number says "an address": "lives off Road 152", "rollover on Highway 99",
 * "County Road 12", "SR 14 near milepost 101", and a rural route's box ("RR 2 Box 118"). A road this small places a
 * person as a street does. A state's two-letter route ("SR", "FM") counts only after a word that says where ("on SR
 * 14"): before a number it is also a drug's release ("metoprolol SR 25"). Used by the geography detector.
 */
import { matches } from '../text';

const NUMBERED_ROAD =
  /\b(?:(?:State|County|US|U\.S\.|Farm[- ]to[- ]Market|Ranch[- ]to[- ]Market|Forest Service|BIA|Indian|Old)[ \t]+)?(?:Highway|Hwy\.?|Route|Rte\.?|Road|Rd\.?)[ \t]*#?[ \t]*\d{1,4}[A-Z]?\b(?:[ \t]+(?:near|at|by)[ \t]+(?:milepost|mile marker|mm)[ \t]+\d{1,4})?/g;
const STATE_ROUTE =
  /\b(?:on|off|along|via|at|near|to|from|of|up|down)[ \t]+((?:SR|CR|FM|SH)[ \t]*\d{1,4}\b(?:[ \t]+(?:near|at|by)[ \t]+(?:milepost|mile marker|mm)[ \t]+\d{1,4})?)/gi;
/** "RR" alone before a number is a respiratory rate ("RR 16"): a rural route has its box, or its name spelled out. */
const RURAL_ROUTE =
  /\b(?:(?:RR|R\.R\.)[ \t]*\d{1,3},?[ \t]+Box[ \t]+\d{1,5}|Rural Route[ \t]*\d{1,3}(?:,?[ \t]+Box[ \t]+\d{1,5})?)\b/g;

export function numberedRoads(text: string): Array<{ start: number; end: number }> {
  const found = matches(text, NUMBERED_ROAD).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const m of matches(text, STATE_ROUTE)) {
    // The route's letters in capitals, as signs and reports write them ("on sr 14" reads as a word).
    const route = m[1];
    if (route.slice(0, 2) !== route.slice(0, 2).toUpperCase()) continue;
    const start = m.index + m[0].length - route.length;
    found.push({ start, end: start + route.length });
  }
  for (const m of matches(text, RURAL_ROUTE)) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}
