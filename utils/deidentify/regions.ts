/**
 * Places Safe Harbor lets stay: US states and territories (and whole countries). Detectors that
 * find places by their cues ("moved to Virginia") or names by a dictionary ("Virginia") skip them.
 */
const STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming
District_of_Columbia Puerto_Rico Guam American_Samoa US_Virgin_Islands Northern_Mariana_Islands Mass Calif Penn`;
const COUNTRIES = `Afghanistan Albania Algeria Argentina Armenia Australia Austria Bangladesh Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Costa_Rica Croatia Cuba Czechia Denmark Dominican_Republic Ecuador Egypt El_Salvador England Eritrea Ethiopia Finland France Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kenya Korea Laos Lebanon Liberia Libya Lithuania Mexico Morocco Myanmar Nepal Netherlands New_Zealand Nicaragua Nigeria Norway Pakistan Panama Paraguay Peru Philippines Poland Portugal Romania Russia Rwanda Saudi_Arabia Scotland Senegal Serbia Sierra_Leone Singapore Slovakia Somalia South_Africa South_Korea Spain Sri_Lanka Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Trinidad Tunisia Turkey Uganda Ukraine United_Kingdom UK United_States USA US Uruguay Venezuela Vietnam Wales Yemen Zambia Zimbabwe`;

const REGIONS = new Set(`${STATES} ${COUNTRIES}`.split(/\s+/).map((name) => name.replace(/_/g, ' ').toLowerCase()));

/** "Virginia", "Washington State", "the State of Washington", "Mass." — true for whole states and countries. */
export function isRegion(name: string): boolean {
  const clean = name.replace(/[.,]+$/, '').replace(/^the\s+/i, '').replace(/^state of\s+/i, '').replace(/\s+state$/i, '').trim().toLowerCase();
  return REGIONS.has(clean);
}
