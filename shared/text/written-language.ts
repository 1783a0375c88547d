import { franc } from 'franc-min';

/**
 * The languages the detector chooses among (ISO 639-3, as franc names them, to ISO 639-1): widely
 * written ones only, since among all of franc's 82 a short text often comes out as one few write.
 */
const DETECTABLE: Readonly<Record<string, string>> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  pol: 'pl',
  swe: 'sv',
  ces: 'cs',
  hun: 'hu',
  ron: 'ro',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  bul: 'bg',
  hrv: 'hr',
  srp: 'sr',
  ell: 'el',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  arb: 'ar',
  hin: 'hi',
  tha: 'th',
  vie: 'vi',
  ind: 'id',
};
const ONLY = Object.keys(DETECTABLE);

/** Below this many characters a text is too short to tell its language reliably (franc's default is 10). */
const MIN_LENGTH = 20;

/**
 * The language a text is written in (ISO 639-1, like de), or undefined when it is too short or
 * too mixed to tell. The detector is franc (trigram statistics), which runs offline in microseconds.
 */
export function writtenLanguage(text: string): string | undefined {
  const code = franc(text, { only: ONLY, minLength: MIN_LENGTH });
  return DETECTABLE[code];
}
