import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { templateLanguages } from '../config/languages.ts';
import type { Ticket } from './ticket.ts';

/** What may say which language someone reads, strongest first. */
export interface LanguageHints {
  /** What the directory says of the person. */
  directory?: string | undefined;
  /** The language they wrote in (detected), or the one stored on their ticket. */
  written?: string | undefined;
  /** The default of the desk the ticket is with, if it sets one. */
  desk?: string | undefined;
}

/**
 * The language to write to someone in: the directory's, else the one they wrote in, else their
 * desk's default, else the configuration's; a hint the desk has no templates for is passed over.
 * Pure, so every page and mail to a person (notifications, approval pages, and later rating
 * pages) chooses alike.
 */
export function chooseLanguage(hints: LanguageHints, available: readonly string[], fallback: string): string {
  return [hints.directory, hints.written, hints.desk].find((language) => language !== undefined && available.includes(language)) ?? fallback;
}

/** What the directory says of a person's language, if anything. */
export function directoryLanguage(config: ServiceDeskConfig, email: string): string | undefined {
  const address = email.toLowerCase();
  return config.directory.find((entry) => entry.email === address)?.language;
}

/** The desk's own default language, if it sets one. */
export function deskLanguage(config: ServiceDeskConfig, deskId: string): string | undefined {
  return config.desks.find((desk) => desk.id === deskId)?.defaultLanguage;
}

/**
 * The language to write to a person in, by the configuration: `written` is the language of their
 * mail or their ticket, `desk` the desk the mail is about.
 */
export function languageOf(config: ServiceDeskConfig, person: { email?: string | undefined; written?: string | undefined; desk?: string | undefined }): string {
  const hints = {
    directory: person.email === undefined ? undefined : directoryLanguage(config, person.email),
    written: person.written,
    desk: person.desk === undefined ? undefined : deskLanguage(config, person.desk),
  };
  return chooseLanguage(hints, templateLanguages(config.email?.templates), config.defaultLanguage);
}

/**
 * The language to write to a ticket's requester in: the directory's (not for a sender whose DMARC
 * failed, who may be anyone), else the one stored when the ticket opened, else the desk's default.
 */
export function requesterLanguage(config: ServiceDeskConfig, ticket: Ticket): string {
  return languageOf(config, { email: ticket.unauthenticatedSender ? undefined : ticket.requester.email, written: ticket.language, desk: ticket.desk });
}

/** The language to write to an approver in: the directory's, else the ticket's, else the desk's. */
export function approverLanguage(config: ServiceDeskConfig, approver: string, ticket: Ticket): string {
  return languageOf(config, { email: approver, written: ticket.language, desk: ticket.desk });
}
