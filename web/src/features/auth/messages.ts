import { defineMessages } from '../../lib/i18n/define-messages';

export const authMessages = defineMessages({
  'en-US': {
    signInTitle: 'Sign in to the service desk',
    signInText: 'Sign in to ask for help, follow your requests and decide approvals.',
    signIn: 'Sign in',
    signInWith: (args) => `Sign in with ${args?.provider}`,
    signingIn: 'Signing you in…',
    callbackFailedTitle: 'Sign-in did not complete',
    callbackFailed: 'The sign-in could not be completed. It may have taken too long, or it was started in another tab.',
    signInAgain: 'Sign in again',
    signedOutTitle: 'You have signed out',
    signedOutText: 'You are signed out of the service desk on this device.',
    redirecting: 'Taking you to the sign-in page…',
  },
  'de-DE': {
    signInTitle: 'Beim Service Desk anmelden',
    signInText: 'Melden Sie sich an, um Hilfe anzufragen, Ihre Anfragen zu verfolgen und Genehmigungen zu erteilen.',
    signIn: 'Anmelden',
    signInWith: (args) => `Mit ${args?.provider} anmelden`,
    signingIn: 'Sie werden angemeldet …',
    callbackFailedTitle: 'Die Anmeldung wurde nicht abgeschlossen',
    callbackFailed: 'Die Anmeldung konnte nicht abgeschlossen werden. Vielleicht hat sie zu lange gedauert oder wurde in einem anderen Tab begonnen.',
    signInAgain: 'Erneut anmelden',
    signedOutTitle: 'Sie haben sich abgemeldet',
    signedOutText: 'Sie sind auf diesem Gerät vom Service Desk abgemeldet.',
    redirecting: 'Sie werden zur Anmeldeseite weitergeleitet …',
  },
});
