import type * as z from 'zod';
import type { LanguageTemplates } from './email-schema.ts';
import { BUILT_IN_LANGUAGES, templateLanguages } from './languages.ts';
import { NOTIFICATION_KINDS } from './notification-kinds.ts';

type Path = (string | number)[];

const PARTS = ['subject', 'text', 'html'] as const;

/** What the check reads of a configuration (written out, so this module needs no other schema). */
interface LanguageConfig {
  defaultLanguage: string;
  desks: { defaultLanguage?: string | undefined }[];
  directory: { language?: string | undefined }[];
  email?: { templates: LanguageTemplates } | undefined;
}

/**
 * Checks that every language the configuration names has templates, that a language without
 * built-in templates gives every part, and that a part given in one language is given in every
 * language listed (so no requester gets a template the others do not). Each problem names its path.
 */
export function checkLanguages(config: LanguageConfig, ctx: z.RefinementCtx): void {
  const problem = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const templates = config.email?.templates ?? {};
  const available = templateLanguages(templates);
  const unknown = (language: string) => `"${language}" has no templates; use ${available.join(', ')}, or give its templates under email.templates.${language}`;
  if (!available.includes(config.defaultLanguage)) problem(['defaultLanguage'], unknown(config.defaultLanguage));
  config.desks.forEach((desk, index) => {
    if (desk.defaultLanguage !== undefined && !available.includes(desk.defaultLanguage)) problem(['desks', index, 'defaultLanguage'], unknown(desk.defaultLanguage));
  });
  config.directory.forEach((entry, index) => {
    if (entry.language !== undefined && !available.includes(entry.language)) problem(['directory', index, 'language'], unknown(entry.language));
  });

  const listed = Object.keys(templates);
  for (const language of listed) {
    const own = templates[language]!;
    for (const kind of NOTIFICATION_KINDS) {
      for (const part of PARTS) {
        if (own[kind]?.[part] !== undefined) continue;
        const path = ['email', 'templates', language, kind, part];
        if (!(BUILT_IN_LANGUAGES as readonly string[]).includes(language)) {
          problem(path, `missing: ${language} has no built-in templates, so give ${kind}.${part} (every kind's subject, text and html) in ${language}`);
          continue;
        }
        const giver = listed.find((other) => templates[other]![kind]?.[part] !== undefined);
        if (giver) problem(path, `missing: ${giver} gives ${kind}.${part}, so give it in ${language} too (or remove it from ${giver})`);
      }
    }
  }
}
