/** One notification's mail as it is sent: subject (before the ticket token), plain text and HTML. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}
