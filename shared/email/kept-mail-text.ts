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

/**
 * How large (in bytes of its JSON form, a little over DynamoDB's own count) a ticket or comment
 * written from a mail may be: DynamoDB refuses items over 400 KB, and a ticket item grows later
 * (SLA clocks, approval, watchers), so a mail's item is built to stay under this.
 */
export const MAIL_ITEM_BUDGET_BYTES = 300_000;

/** The size of an item as its JSON, in bytes: an upper bound of what DynamoDB counts for strings, lists and maps. */
export function itemBytes(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}

/**
 * A mail's item cut to the budget: the HTML goes first (the text stays), then the text is cut with
 * a note. Listing and names are capped before, so this only trims text; undefined when even that
 * is not enough.
 */
export function fitMailItem<T extends object>(item: T, textField: keyof T & string, budget: number = MAIL_ITEM_BUDGET_BYTES): T | undefined {
  let fitted: T = item;
  if (itemBytes(fitted) <= budget) return fitted;
  if ('html' in fitted) {
    const { html: _dropped, ...withoutHtml } = fitted;
    fitted = withoutHtml as T;
    if (itemBytes(fitted) <= budget) return fitted;
  }
  const text = String(fitted[textField] ?? '');
  const excess = itemBytes(fitted) - budget;
  // A character is at most 3 bytes of UTF-8 per UTF-16 unit; cut by the excess and a margin for the note.
  const keep = Math.max(0, text.length - excess - 200);
  const note = `\n\n[Cut to fit the ticket: the whole mail is kept as raw mail.]`;
  fitted = { ...fitted, [textField]: `${cutText(text, keep)}${note}` };
  return itemBytes(fitted) <= budget ? fitted : undefined;
}
