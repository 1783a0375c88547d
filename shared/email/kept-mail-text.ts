/**
 * How much of a mail's text a ticket or comment keeps: the API's own limits for the same fields.
 * A ticket is one DynamoDB item of at most 400 KB, so a mail with a megabyte of text or a huge
 * display name would otherwise fail every delivery and end as a dead letter. The raw mail, linked
 * from the ticket or comment, keeps everything.
 */
export const KEPT_MAIL_LIMITS = {
  /** Characters of a subject. */
  subject: 250,
  /** Characters of a sender's display name. */
  name: 200,
  /** Characters of the text that becomes a description or comment body. */
  text: 50_000,
  /** Characters of a comment's sanitised HTML; longer HTML is not kept, the comment's text is. */
  html: 200_000,
} as const;

/** Cuts `text` to at most `max` UTF-16 code units, never between the two halves of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be left without its low half: not a character, and not valid UTF-8.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** The text a ticket or comment keeps of a mail: all of it within the limit, else the start and a note that it was cut. */
export function keptMailText(text: string): string {
  if (text.length <= KEPT_MAIL_LIMITS.text) return text;
  return `${cutText(text, KEPT_MAIL_LIMITS.text)}\n\n[Cut at ${KEPT_MAIL_LIMITS.text} characters: the whole mail is kept as raw mail.]`;
}

/** A comment's sanitised HTML when it is within the limit; cut HTML would not be HTML, so a longer one is not kept. */
export function keptHtml(html: string | undefined): string | undefined {
  return html !== undefined && html.length <= KEPT_MAIL_LIMITS.html ? html : undefined;
}

/** A sender's display name as a ticket or comment keeps it. */
export function keptName(name: string): string {
  return cutText(name, KEPT_MAIL_LIMITS.name).trim();
}
