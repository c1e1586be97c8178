/** Every ISO-3166-1 alpha-2 code. */
export const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
    'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
    'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
    'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
    'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
    'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
    'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/**
 * Names and alpha-3 codes channels write instead of alpha-2, keyed in the
 * folded form `foldCountryName` produces. Covers the markets the channels sell
 * into; anything else must arrive as an alpha-2 code.
 */
export const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  america: 'US',
  美国: 'US',
  china: 'CN',
  chn: 'CN',
  prc: 'CN',
  "people's republic of china": 'CN',
  'mainland china': 'CN',
  中国: 'CN',
  中国大陆: 'CN',
  中华人民共和国: 'CN',
  'hong kong': 'HK',
  hkg: 'HK',
  香港: 'HK',
  中国香港: 'HK',
  macau: 'MO',
  macao: 'MO',
  mac: 'MO',
  澳门: 'MO',
  中国澳门: 'MO',
  taiwan: 'TW',
  twn: 'TW',
  台湾: 'TW',
  中国台湾: 'TW',
  japan: 'JP',
  jpn: 'JP',
  日本: 'JP',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  kor: 'KR',
  韩国: 'KR',
  singapore: 'SG',
  sgp: 'SG',
  新加坡: 'SG',
  'united kingdom': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  gbr: 'GB',
  英国: 'GB',
  germany: 'DE',
  deu: 'DE',
  德国: 'DE',
  france: 'FR',
  fra: 'FR',
  法国: 'FR',
  canada: 'CA',
  can: 'CA',
  加拿大: 'CA',
  australia: 'AU',
  aus: 'AU',
  澳大利亚: 'AU',
  'new zealand': 'NZ',
  nzl: 'NZ',
  新西兰: 'NZ',
  malaysia: 'MY',
  mys: 'MY',
  马来西亚: 'MY',
  thailand: 'TH',
  tha: 'TH',
  泰国: 'TH',
  vietnam: 'VN',
  'viet nam': 'VN',
  vnm: 'VN',
  越南: 'VN',
  mexico: 'MX',
  mex: 'MX',
  墨西哥: 'MX',
  italy: 'IT',
  ita: 'IT',
  意大利: 'IT',
  spain: 'ES',
  esp: 'ES',
  西班牙: 'ES',
  netherlands: 'NL',
  nld: 'NL',
  荷兰: 'NL',
};

/** Lower case, no dots, single spaces: "U.S.A." -> "usa", "United  States" -> "united states". */
export function foldCountryName(text: string): string {
  return text.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
}
