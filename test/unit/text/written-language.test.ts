import { describe, expect, it } from 'vitest';
import { writtenLanguage } from '../../../shared/text/written-language.ts';

describe('the language a text is written in', () => {
  it('tells German from English in a mail of a few sentences', () => {
    expect(writtenLanguage('Drucker im zweiten Stock\nSeit heute Morgen druckt der Drucker nicht mehr. Können Sie bitte jemanden vorbeischicken?')).toBe('de');
    expect(writtenLanguage('Printer on the second floor\nSince this morning the printer does not print anymore. Could you send someone over?')).toBe('en');
  });

  it('tells other widely written languages, which the desk may have no templates for', () => {
    expect(writtenLanguage("Mon ordinateur ne démarre plus depuis ce matin, pouvez-vous m'aider ?")).toBe('fr');
  });

  it('leaves a text too short to tell undecided rather than guess', () => {
    expect(writtenLanguage('Monitor flackert')).toBeUndefined();
    expect(writtenLanguage('VPN down')).toBeUndefined();
    expect(writtenLanguage('')).toBeUndefined();
  });
});
