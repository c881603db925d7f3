/**
 * The names organisations write in a "type" column for each built-in service type, beside the
 * type's own Hungarian and English names (table `institution_type`): common, older and shortened
 * Hungarian names. Matching folds accents and case, and a name also matches its longer forms
 * ("népkonyha" matches "Népkonyha és ételosztás").
 */
export const INSTITUTION_TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'family-child-welfare': [
    'családsegítő', 'családsegítő szolgálat', 'családsegítő központ', 'családsegítés', 'gyermekjóléti szolgálat',
    'gyermekjóléti központ', 'család- és gyermekjóléti szolgálat', 'család- és gyermekjóléti központ', 'CSGYK', 'CSSK',
  ],
  'family-day-care': ['családi napközi', 'családi gyermekfelügyelet'],
  'temporary-family-home': ['családok átmeneti otthona', 'CSÁO'],
  'elderly-day-care': ['idősek klubja', 'idősek nappali ellátása', 'idősek napközi otthona', 'öregek napközi otthona', 'idősek nappali klubja'],
  'home-help': ['házi segítségnyújtás', 'házi gondozás', 'házigondozás', 'gondozási szolgálat'],
  'addiction-community-care': ['szenvedélybetegek közösségi ellátása', 'szenvedélybeteg-ellátás', 'szenvedélybetegek ellátása', 'szenvedélybetegek nappali ellátása'],
  'street-outreach': ['utcai szociális munka', 'utcai gondozószolgálat', 'utcai szolgálat', 'utcai szociális szolgálat'],
  'social-kitchen': ['népkonyha', 'szociális konyha', 'szociális étkeztetés', 'étkeztetés', 'ételosztás', 'ingyenkonyha', 'melegétel-osztás'],
  'farmstead-caretaker': ['tanyagondnok', 'tanyagondnokság', 'tanyagondnoki szolgálat', 'tanyagondnoki szolgáltatás'],
  'village-caretaker': ['falugondnok', 'falugondnokság', 'falugondnoki szolgálat', 'falugondnoki szolgáltatás'],
  'community-house': ['közösségi ház', 'közösségi tér', 'faluház', 'művelődési ház', 'kultúrház', 'IKSZT', 'integrált közösségi és szolgáltató tér'],
  'mentor-programme-office': ['mentorprogram', 'mentorprogram iroda'],
  'after-school-programme': ['tanoda', 'tanodaprogram', 'iskolán kívüli tanulássegítés'],
  'support-service': ['támogató szolgálat', 'fogyatékosok támogató szolgálata'],
  'day-shelter': ['nappali melegedő', 'melegedő', 'hajléktalanok nappali melegedője', 'hajléktalanok nappali ellátása'],
  'night-shelter': ['éjjeli menedékhely', 'éjjeli szálló', 'menedékhely', 'hajléktalanszálló'],
  'temporary-hostel': ['hajléktalanok átmeneti szállása', 'átmeneti szállás', 'átmeneti szálló'],
};
