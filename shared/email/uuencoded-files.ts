import uue from 'uue';
import { detectMimeType } from 'nodemailer/lib/mime-funcs';

/** A file that was uuencoded inside the text of a mail. */
export interface UuencodedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

// A `begin <mode> <name>` line, the start of a uuencoded file (POSIX uuencode).
const BEGIN_LINE = /^begin [0-7]{3,4} \S/m;

/**
 * Takes the uuencoded files (`begin 644 name` ... `end`) out of a mail's text, as old clients and
 * gateways still send attachments: the text keeps what surrounds them, the files are returned
 * decoded. Blocks that do not decode stay in the text.
 */
export function extractUuencodedFiles(text: string): { text: string; files: UuencodedFile[] } {
  if (!BEGIN_LINE.test(text)) return { text, files: [] };
  const blocks = uue.split(text);
  const files = blocks.flatMap((block) => (typeof block === 'string' ? [] : [{ filename: block.name, contentType: detectMimeType(block.name), content: block.data }]));
  const remaining = blocks
    .filter((block): block is string => typeof block === 'string')
    .join('')
    .replace(/\n{3,}/g, '\n\n');
  return { text: remaining, files };
}
