import { defineMessages } from '../../lib/i18n/define-messages';

/** The texts of the attachments field: choosing, uploading and removing files. */
export const attachmentMessages = defineMessages({
  'en-US': {
    attachments: 'Attachments',
    attachmentsHelp: 'Add screenshots or documents. Drop files here or choose them.',
    attachFiles: 'Attach files',
    dropFiles: 'Drop files to attach them',
    uploading: (args) => `Uploading ${args?.percent} %`,
    uploaded: 'Attached',
    uploadFailed: 'Could not be uploaded.',
    uploadTooLarge: (args) => `Too large: at most ${args?.max}.`,
    uploadRefused: 'The file was refused.',
    retryUpload: (args) => `Retry ${args?.name}`,
    removeFile: (args) => `Remove ${args?.name}`,
    fileList: 'Attached files',
    fieldProblem: (args) => `${args?.label}: ${args?.message}`,
    tryAgain: 'Try again',
  },
  'de-DE': {
    attachments: 'Anhänge',
    attachmentsHelp: 'Fügen Sie Bildschirmfotos oder Dokumente hinzu. Legen Sie Dateien hier ab oder wählen Sie sie aus.',
    attachFiles: 'Dateien anhängen',
    dropFiles: 'Dateien zum Anhängen hier ablegen',
    uploading: (args) => `Wird hochgeladen: ${args?.percent} %`,
    uploaded: 'Angehängt',
    uploadFailed: 'Konnte nicht hochgeladen werden.',
    uploadTooLarge: (args) => `Zu groß: höchstens ${args?.max}.`,
    uploadRefused: 'Die Datei wurde abgelehnt.',
    retryUpload: (args) => `${args?.name} erneut hochladen`,
    removeFile: (args) => `${args?.name} entfernen`,
    fileList: 'Angehängte Dateien',
    fieldProblem: (args) => `${args?.label}: ${args?.message}`,
    tryAgain: 'Erneut versuchen',
  },
});
