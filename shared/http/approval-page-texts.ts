/** The words of the approval pages in one language; Mustache fills the names in. */
export interface ApprovalPageTexts {
  /** The `lang` of the page. */
  lang: string;
  formTitle: string;
  askedBy: string;
  decideAs: string;
  commentLabel: string;
  approve: string;
  reject: string;
  noScript: string;
  unusableLink: string;
  nothingDecided: string;
  goBack: string;
  thankYou: string;
  outcomes: { rejected: string; approved: string; nextStep: string };
}

const ENGLISH: ApprovalPageTexts = {
  lang: 'en',
  formTitle: 'Approve {{key}}?',
  askedBy: 'Asked by',
  decideAs: 'you decide as',
  commentLabel: 'Comment (the requester reads it; needed to reject)',
  approve: 'Approve',
  reject: 'Reject',
  noScript: 'Deciding on this page needs JavaScript. Without it, sign in to the desk as {{approver}} and decide with',
  unusableLink: 'This approval link cannot be used',
  nothingDecided: 'Nothing was decided',
  goBack: 'Go back to change it.',
  thankYou: '{{key}}: thank you',
  outcomes: { rejected: 'The request is rejected; the requester is told why.', approved: 'The request is approved; it goes to the desk.', nextStep: 'The request is approved; the next step is asked.' },
};

const GERMAN: ApprovalPageTexts = {
  lang: 'de',
  formTitle: '{{key}} genehmigen?',
  askedBy: 'Angefragt von',
  decideAs: 'Sie entscheiden als',
  commentLabel: 'Kommentar (die anfragende Person liest ihn; für eine Ablehnung erforderlich)',
  approve: 'Genehmigen',
  reject: 'Ablehnen',
  noScript: 'Diese Seite braucht zum Entscheiden JavaScript. Ohne JavaScript melden Sie sich als {{approver}} beim Service Desk an und entscheiden mit',
  unusableLink: 'Dieser Genehmigungslink kann nicht verwendet werden',
  nothingDecided: 'Es wurde nichts entschieden',
  goBack: 'Gehen Sie zurück, um es zu ändern.',
  thankYou: '{{key}}: vielen Dank',
  outcomes: {
    rejected: 'Die Anfrage ist abgelehnt; die anfragende Person erfährt den Grund.',
    approved: 'Die Anfrage ist genehmigt und geht an den Service Desk.',
    nextStep: 'Die Anfrage ist genehmigt; der nächste Schritt wird angefragt.',
  },
};

/** The approval pages' words in a language; languages without built-in words (configured ones) get the English words. */
export function approvalPageTexts(language: string): ApprovalPageTexts {
  return language === 'de' ? GERMAN : ENGLISH;
}
