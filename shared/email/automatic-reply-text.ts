import { firstHeader, type MailHeaders } from './mail-headers.ts';

/**
 * What automatic replies say rather than what their headers carry: many responders (Lotus Notes'
 * `AUTO:`, older Exchange and webmail vacation rules) and the challenge-response spam filters
 * (TMDA, SpamArrest, Boxbe, Mailinblack and the like) send no Auto-Submitted header at all.
 */

// Subject prefixes of out-of-office and automatic replies, as the common mail clients and servers
// write them in their languages (Outlook's localised "Automatic reply:", Lotus Notes' "AUTO:").
const AUTO_REPLY_PREFIXES = [
  // English
  'auto',
  'automatic reply',
  'automatic response',
  'automated reply',
  'automated response',
  'auto reply',
  'auto-reply',
  'autoreply',
  'auto response',
  'auto-response',
  'autoresponse',
  'out of office',
  'out of the office',
  'out of office autoreply',
  'out of office reply',
  'ooo',
  // German
  'automatische antwort',
  'abwesenheitsnotiz',
  'abwesenheitsmeldung',
  'abwesenheit',
  // French
  'réponse automatique',
  "réponse automatique d'absence du bureau",
  'absence du bureau',
  'absent du bureau',
  "message d'absence",
  // Spanish
  'respuesta automática',
  'fuera de la oficina',
  // Portuguese
  'resposta automática',
  'ausência temporária',
  'fora do escritório',
  // Italian
  'risposta automatica',
  'fuori sede',
  "fuori dall'ufficio",
  // Dutch
  'automatisch antwoord',
  'afwezigheidsbericht',
  'afwezig',
  // Swedish, Danish, Norwegian, Finnish
  'automatiskt svar',
  'frånvaromeddelande',
  'automatisk svar',
  'autosvar',
  'fraværsmelding',
  'automaattinen vastaus',
  // Polish, Czech, Slovak, Hungarian, Romanian
  'automatyczna odpowiedź',
  'odpowiedź automatyczna',
  'automatická odpověď',
  'automatická odpoveď',
  'automatikus válasz',
  'răspuns automat',
  // Russian, Ukrainian, Greek, Turkish
  'автоматический ответ',
  'автоответ',
  'автоматична відповідь',
  'αυτόματη απάντηση',
  'otomatik yanıt',
  'otomatik cevap',
  // Japanese, Chinese, Korean
  '自動応答',
  '自動返信',
  '不在通知',
  '自动回复',
  '自動回覆',
  '自动答复',
  '자동 회신',
  '자동 응답',
  // Arabic, Hebrew
  'رد تلقائي',
  'תשובה אוטומטית',
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PREFIX_ALTERNATIVES = [...AUTO_REPLY_PREFIXES]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
// The prefix starts the subject and ends in a colon (`AUTO: Jane is out`), is the whole subject
// (`Out of Office`), or stands in brackets (`[自動返信] ...`). "Autocad licence" or "Out of office
// coverage" are not automatic: there the word only begins a sentence.
const AUTO_REPLY_SUBJECT = new RegExp(`^\\s*(?:[\\[【(]\\s*(?:${PREFIX_ALTERNATIVES})\\s*[\\]】)]|(?:${PREFIX_ALTERNATIVES})\\s*(?:[:：]|[.!]?\\s*$))`, 'iu');

// Header names challenge-response filters put on their challenges.
const CHALLENGE_HEADERS = ['x-challenge', 'x-challenge-response', 'x-spam-challenge', 'x-cr-challenge', 'x-boxbe-challenge'];
// Domains of challenge-response services, whose mail is always a challenge or a notice.
const CHALLENGE_SENDER_DOMAIN = /(^|\.)(spamarrest\.com|boxbe\.com|mailinblack\.com|sendio\.com|choicemail\.com)$/i;
// TMDA answers from a tagged confirmation address: jane-confirm-1714567890.12345.abcdef@example.org.
const CONFIRM_ADDRESS = /(^|[-+.])confirm[-+.]\d+(\.[0-9a-z]+)+$/i;
// What a challenge asks of the sender, in the languages of the common services. Each names both
// the confirmation and what it proves (a person, not a robot; the message released for delivery),
// in the second person: a user reporting a captcha writes "it asks me to confirm I am human".
const CHALLENGE_TEXTS = [
  /\b(confirm|verify|prove)\b.{0,30}\b(you are|you're)\b.{0,10}\b(a human|human|a real person|not a (ro)?bot|not a spammer)\b/is,
  /\b(confirm|verify)\b.{0,60}\b(your (e-?mail|message)|this message)\b.{0,80}\b(will|can) (then )?be delivered\b/is,
  /\b(release|deliver) your message\b.{0,80}\b(confirm|reply|click|verify)/is,
  /\bconfirmer que vous (êtes|n'êtes pas) (un humain|une personne|un robot)/i,
  /\bprouver que vous n'êtes pas un robot/i,
  /\bbestätigen sie, dass sie (ein mensch|kein roboter)/i,
  /\bconfirm[ae] que (usted )?(es|no es) (un humano|una persona|un robot)/i,
];
/** Only the top of the text is read: a challenge says what it wants at once. */
const TEXT_SCAN_CHARACTERS = 4000;

/** The reason a subject marks an automatic reply, or undefined. */
export function autoReplySubjectReason(subject: string): string | undefined {
  const match = AUTO_REPLY_SUBJECT.exec(subject);
  return match === null ? undefined : `Subject: automatic reply (${match[0].trim()})`;
}

/**
 * The reason a message is a challenge-response filter's "please confirm you are human" reply, or
 * undefined: one of the challenge headers, a challenge service's sender or TMDA's confirmation
 * address, or a challenge's wording in the subject or the top of the text.
 */
export function challengeResponseReason(mail: { from: { address: string }; headers: MailHeaders; subject: string; text: string }): string | undefined {
  const header = CHALLENGE_HEADERS.find((name) => firstHeader(mail.headers, name) !== undefined);
  if (header !== undefined) return `${header.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase())} present`;
  if (/^tmda\b/i.test(firstHeader(mail.headers, 'x-delivery-agent') ?? '')) return 'X-Delivery-Agent: TMDA';
  const at = mail.from.address.lastIndexOf('@');
  const domain = mail.from.address.slice(at + 1);
  if (CHALLENGE_SENDER_DOMAIN.test(domain)) return `From: challenge-response service (${domain.toLowerCase()})`;
  if (CONFIRM_ADDRESS.test(mail.from.address.slice(0, at))) return 'From: confirmation address of a challenge-response filter';
  const text = `${mail.subject}\n${mail.text.slice(0, TEXT_SCAN_CHARACTERS)}`;
  return CHALLENGE_TEXTS.some((pattern) => pattern.test(text)) ? 'Text: challenge-response request to confirm the sender' : undefined;
}
