import { describe, expect, it } from 'vitest';
import { deidentify } from '../../../utils/deidentify';
import { geoDetector } from '../../../utils/deidentify/detectors/geo';
import { findWith } from './helpers';

describe('the street and ZIP detector', () => {
  it('finds a street address and a ZIP code', () => {
    const found = findWith(
      geoDetector,
      'Lives at 1077 Jenkins Esplanade Suite 33, Concord, MA 01742 (no USPS suffix: the unit and the city say it is a street).',
    );
    expect(found.map(([type]) => type)).toEqual(expect.arrayContaining(['ADDRESS', 'LOCATION', 'ZIP']));
    expect(found.some(([, text]) => text.includes('1077 Jenkins Esplanade'))).toBe(true);
  });
  it('leaves doses and counts that look like house numbers', () => {
    expect(findWith(geoDetector, 'Take 500 mg twice daily; 12 steps; 2 puffs.')).toEqual([]);
  });
  it('finds streets written the European way, units on their own, and a postal code after a country', () => {
    const found = findWith(
      geoDetector,
      'Sandra lives on Hansinegata 12. Post to 83854 Strickstrasse 61, Suite 292, Zuoz; or Rua Mina 5, Poznań, Poland 35403.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ['ADDRESS', 'Hansinegata 12'],
        ['ADDRESS', '83854 Strickstrasse 61'],
        ['ADDRESS', 'Suite 292'],
        ['ADDRESS', 'Rua Mina 5'],
        ['ZIP', '35403'],
      ]),
    );
  });
  it('keeps clinical text that has a street word or a country beside a number', () => {
    expect(findWith(geoDetector, 'Via PICC 2 lumens; a tie 2 days; Brigade 3; moved from Mexico 2019.')).toEqual([]);
  });
  it("finds a postal code after its label, in any country's form, and only the code", () => {
    const found = findWith(
      geoDetector,
      'ZIP: 3520. My zip code is 35350 and the old one 880. Postal code: B0J 2H0; ZIP: 7412 SL; zip code 394 13 at home; Postcode SW1A 1AA.',
    );
    expect(found.filter(([type]) => type === 'ZIP').map(([, text]) => text)).toEqual([
      '3520',
      '35350',
      'B0J 2H0',
      '7412 SL',
      '394 13',
      'SW1A 1AA',
    ]);
    expect(findWith(geoDetector, 'zip code 1098 at the door')).toEqual([['ZIP', '1098']]);
  });
  it('reads a place after a word that says where someone is from, in any Latin letters, but not a department', () => {
    const found = findWith(
      geoDetector,
      "I'm originally from Križe. We moved here from Feysville. Where: Erwetegem Country Club.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ['LOCATION', 'Križe'],
        ['LOCATION', 'Feysville'],
        ['LOCATION', 'Erwetegem Country Club'],
      ]),
    );
    expect(findWith(geoDetector, 'The referral is from Cardiology; the pain is from OA.')).toEqual([]);
  });
  it('takes an address written over several lines whole, up to the line with its postal code or country', () => {
    const text = 'Send it to 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677\nThanks.';
    const found = findWith(geoDetector, text);
    expect(found).toContainEqual(['ADDRESS', '6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677']);
    expect(findWith(geoDetector, 'Please return to Unit 4719 Box 7394\nDPO AP 70942 in case.')).toEqual(
      expect.arrayContaining([
        ['ADDRESS', 'Unit 4719 Box 7394'],
        ['ADDRESS', 'DPO AP 70942'],
      ]),
    );
  });
  it('does not take the chart lines after an address into it', () => {
    const found = findWith(geoDetector, 'Lives at 9 Quarry Road, Apt 3B\nHypertension\nBP 142/88\nMetformin 500 mg');
    expect(found.map(([, text]) => text).join('|')).not.toMatch(/Hypertension|BP|Metformin/);
  });
  it('reads an address after a word that announces one, and two streets that meet at a corner', () => {
    const found = findWith(
      geoDetector,
      'Address: 106 Rúa Olmos 44, Belfast. Eva lives at 255 Hersnapvej 18, København K\nMeet at the corner of Alšova 408 and Vedzizhev Greens.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ['ADDRESS', '106 Rúa Olmos 44, Belfast'],
        ['ADDRESS', '255 Hersnapvej 18, København K'],
        ['ADDRESS', 'the corner of Alšova 408 and Vedzizhev Greens'],
      ]),
    );
    expect(findWith(geoDetector, 'Address: see below. Lives at home with 2 cats. Address: Metformin 500 mg.')).toEqual(
      [],
    );
  });
  it("reads an address on the line after its label, past a unit's period, and a street before a new sentence", () => {
    expect(findWith(geoDetector, 'Address:\n0645 Reyes Católicos 17 Apt. 209 Montehermoso Cáceres.')).toContainEqual([
      'ADDRESS',
      '0645 Reyes Católicos 17 Apt. 209 Montehermoso Cáceres',
    ]);
    expect(findWith(geoDetector, 'Address: 376 Rákóczi út 13. Suite 104 Veszprém VE.')).toContainEqual([
      'ADDRESS',
      '376 Rákóczi út 13. Suite 104 Veszprém VE',
    ]);
    const street = findWith(geoDetector, 'Lives at 12 Oak St. Patient reports cough.');
    expect(street.some(([type, text]) => type === 'ADDRESS' && text.startsWith('12 Oak St'))).toBe(true);
    expect(street.some(([, text]) => text.includes('Patient'))).toBe(false);
  });
  it('reads a postal code right after a city it found, but not a year or a dose', () => {
    expect(findWith(geoDetector, 'I am in Rohod 6091 for a business trip.')).toEqual(
      expect.arrayContaining([
        ['LOCATION', 'Rohod'],
        ['ZIP', '6091'],
      ]),
    );
    expect(
      findWith(geoDetector, 'Moved to Quincy 2019. Lives in Quincy 1200 mg daily.').map(([type]) => type),
    ).not.toContain('ZIP');
  });
  it('reads the street before a unit in either order, and European street words, never after a function word', () => {
    const unit = findWith(geoDetector, 'William Hughes  20789 Allika 46  Suite 501');
    expect(unit.some(([type, text]) => type === 'ADDRESS' && text.startsWith('20789 Allika 46'))).toBe(true);
    expect(findWith(geoDetector, 'Hanson > 077 Mellemstræde 74 > Apt. 316')).toContainEqual([
      'ADDRESS',
      '077 Mellemstræde 74',
    ]);
    expect(findWith(geoDetector, 'Will tee 2 balls. The gate 3 is open. BP 120 Apt 3.').map(([, t]) => t)).not.toEqual(
      expect.arrayContaining(['Will tee 2']),
    );
    expect(findWith(geoDetector, 'The gate 3 is open.')).toEqual([]);
  });
  it('removes a US town named like a country, and reads no address into an empty field or a time after a city', () => {
    expect(findWith(geoDetector, 'Lives in Holland, MI with her son.')).toContainEqual(['LOCATION', 'Holland']);
    expect(findWith(geoDetector, 'Address:\nAssessment: Type 2 diabetes, uncontrolled. Plan: start insulin.')).toEqual(
      [],
    );
    expect(findWith(geoDetector, 'Transferred from Worcester 0830 by ambulance.').map(([type]) => type)).not.toContain(
      'ZIP',
    );
  });
  it('keeps a table cell’s label and a signature’s degree out of a place', () => {
    // A tab parts the cells of a table row as captured; "MD" after a name is a degree, not Maryland.
    const found = findWith(
      geoDetector,
      'Date of service\t11/18/2026\tAuthor\tSarah Whitfield, MD\nFacility\tRiverside Internal Medicine',
    );
    expect(found).toEqual([['LOCATION', 'Riverside Internal Medicine']]);
    expect(findWith(geoDetector, 'Seen in Baltimore, MD 21201')).toContainEqual(['LOCATION', 'Baltimore']);
  });
  it('reads facilities by more of their kinds, but not a department named by what it treats', () => {
    const found = (text: string) => findWith(geoDetector, text).map(([, text]) => text);
    expect(
      found(
        'Transferred from Keystone Regional. Kids attend Springdale Elementary. Lives at Cedar Crest Manor. ' +
          'Shelter bed at Ozanam Inn. Advised ED at Fox River Children’s. Intake at Lakeview Behavioral Health.',
      ),
    ).toEqual([
      'Keystone Regional',
      'Springdale Elementary',
      'Cedar Crest Manor',
      'Ozanam Inn',
      'Fox River Children’s',
      'Lakeview Behavioral Health',
    ]);
    expect(found('Poison Center consulted. Transferred to Trauma Center. Surgeon General warning.')).toEqual([]);
  });
  it('reads a place after a cue that opens its sentence', () => {
    const found = (text: string) => findWith(geoDetector, text).map(([, text]) => text);
    expect(found('Lives in Keaukaha with his uncle. Grew up in East Camden.')).toEqual(['Keaukaha', 'East Camden']);
  });
  it('reads a street typed in lower case after the word that puts someone on it, never a way or a place', () => {
    const found = (text: string) => findWith(geoDetector, text).map(([, text]) => text);
    expect(found('send it to the walgreens on mooney blvd. i moved to walnut ave. still on bleecker st')).toEqual([
      'mooney blvd',
      'walnut ave',
      'bleecker st',
    ]);
    expect(found('on the way home, back to my place, off his drive')).toEqual([]);
  });
  it('finds facilities in lines typed in capitals and places of care named with a lower-case kind', () => {
    const found = (text: string) =>
      findWith(geoDetector, text)
        .filter(([type]) => type === 'LOCATION')
        .map(([, text]) => text);
    expect(found('FLOWN TO WIREGRASS REGIONAL. PT TO TB CLINIC.')).toEqual(['WIREGRASS REGIONAL']);
    expect(found('seen at BroMenn Lakeside urgent care; lives at Cedar Knoll memory care')).toEqual([
      'BroMenn Lakeside urgent care',
      'Cedar Knoll memory care',
    ]);
  });
  it('finds a saint\'s house typed in lower case and a school named by "High", not St. John\'s wort or a high risk', () => {
    expect(findWith(geoDetector, "since the tamsulosin at st elizabeth's he is dizzy")).toEqual([
      ['LOCATION', "st elizabeth's"],
    ]);
    expect(findWith(geoDetector, 'a senior at Mayo High; running back for Grissom High JV')).toEqual([
      ['LOCATION', 'Mayo High'],
      ['LOCATION', 'Grissom High'],
    ]);
    expect(findWith(geoDetector, "takes st john's wort; at Very High risk of falls")).toEqual([]);
  });
  it('finds churches, chapter houses, care facilities and a practice in capitals with its PLLC', () => {
    const found = findWith(
      geoDetector,
      'Mass at St. Hyacinth Basilica. Drives them to Chinle Comprehensive Health Care Facility.\nCANYON RIDGE NEUROLOGY ASSOCIATES, PLLC',
    ).map(([, value]) => value);
    expect(found).toEqual(
      expect.arrayContaining([
        'St. Hyacinth Basilica',
        'Chinle Comprehensive Health Care Facility',
        'CANYON RIDGE NEUROLOGY ASSOCIATES, PLLC',
      ]),
    );
  });

  it('finds a street address typed in capitals by its unit or the city after it, not clinical shorthand', () => {
    expect(findWith(geoDetector, 'NEIGHBORS AT 318 N 2ND ST APT 4 ARE LOUD')).toContainEqual([
      'ADDRESS',
      '318 N 2ND ST APT 4',
    ]);
    expect(findWith(geoDetector, 'HOME UNIT: 4500 N TRYON ST, CHARLOTTE NC')).toContainEqual([
      'ADDRESS',
      '4500 N TRYON ST',
    ]);
    expect(findWith(geoDetector, 'EKG: 1 MM ST ELEVATION V2. 12 LEAD ST CHANGES NONE. GAVE 10 UNITS DR SMITH')).toEqual(
      [],
    );
  });
  it('finds homes, jails and treatment programs by their kind; a program named only by what it treats stays', () => {
    const out = (text: string) => deidentify(text).text;
    expect(out('lives at Riverbend Terrace Apartments; booked into Pennington County Jail')).toBe(
      'lives at [LOCATION-1]; booked into [LOCATION-2]',
    );
    expect(out('methadone from Black Hills Treatment Services')).toBe('methadone from [LOCATION-1]');
    expect(out('referred to a Substance Abuse Treatment Center')).toBe(
      'referred to a Substance Abuse Treatment Center',
    );
  });
  it('finds roads named by their number and a rural route with its box, not a rate or a release', () => {
    const found = (text: string) => findWith(geoDetector, text).map(([, value]) => value);
    expect(found('lives off Road 152; rollover on SR 14 near milepost 101; mail to RR 2 Box 118')).toEqual([
      'Road 152',
      'SR 14 near milepost 101',
      'RR 2 Box 118',
    ]);
    expect(found('HR 92, BP 118/72, RR 16; metoprolol SR 25 mg daily; Route: PO')).toEqual([]);
  });
});
