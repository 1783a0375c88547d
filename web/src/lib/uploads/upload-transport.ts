import { createContext } from 'react';

/** Sends a file to its presigned POST, reporting progress (0..1); rejects with UploadFailed. */
export type SendFile = (grant: { url: string; fields: Record<string, string> }, file: File, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<void>;

export class UploadFailed extends Error {
  constructor(
    readonly reason: 'network' | 'refused' | 'aborted',
    readonly status?: number,
  ) {
    super(`upload ${reason}${status ? ` (${status})` : ''}`);
    this.name = 'UploadFailed';
  }
}

/** The browser's way: XMLHttpRequest, the one that reports upload progress. */
export const sendFileWithXhr: SendFile = (grant, file, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', grant.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => (request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadFailed('refused', request.status)));
    request.onerror = () => reject(new UploadFailed('network'));
    request.onabort = () => reject(new UploadFailed('aborted'));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });

/** How files reach storage; tests give their own. */
export const SendFileContext = createContext<SendFile>(sendFileWithXhr);
