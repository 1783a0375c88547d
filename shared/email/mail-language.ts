import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { languageOf } from '../domain/recipient-language.ts';
import { writtenLanguage } from '../text/written-language.ts';
import { visibleReply } from './visible-reply.ts';

/**
 * The language to answer a mail that opens a ticket in: the directory's for its sender (pass no
 * sender when it may be forged), else the language its subject and visible text are written in,
 * else the desk's default.
 */
export function mailLanguage(config: ServiceDeskConfig, mail: { sender?: string | undefined; subject: string; text: string }, desk: string): string {
  const written = writtenLanguage(`${mail.subject}\n${visibleReply(mail.text)}`);
  return languageOf(config, { email: mail.sender, written, desk });
}
