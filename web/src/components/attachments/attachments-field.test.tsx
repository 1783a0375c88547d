import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/render-app';
import { SendFileContext, UploadFailed, type SendFile } from '../../lib/uploads/upload-transport';
import { AttachmentsField, useAttachments } from './attachments-field';

afterEach(cleanup);

function Harness({ onItems }: { onItems: (ids: string[]) => void }) {
  const attachments = useAttachments([]);
  onItems(attachments.items.flatMap((item) => (item.status === 'done' ? [item.uploadId] : [])));
  return <AttachmentsField attachments={attachments} />;
}

describe('attachments', { timeout: 20_000 }, () => {
  it('uploads each chosen file through POST /uploads and its presigned POST, with progress, and removes it on request', async () => {
    const { requests } = fakeApi({
      'POST /uploads': async (request) => {
        const body = (await request.json()) as { fileName: string };
        return json(201, { uploadId: `up-${body.fileName}`, url: 'https://bucket.test/', fields: { key: 'k', policy: 'p' }, maxBytes: 10_000_000, expiresAt: '2026-12-01T00:00:00Z' });
      },
    });
    const sent: { url: string; fields: Record<string, string>; name: string }[] = [];
    let finish: (() => void) | undefined;
    const sendFile: SendFile = (grant, file, onProgress) =>
      new Promise((resolve, reject) => {
        sent.push({ url: grant.url, fields: grant.fields, name: file.name });
        onProgress(0.5);
        if (file.name === 'broken.png') reject(new UploadFailed('network'));
        else finish = resolve;
      });
    let ids: string[] = [];
    render(
      <SendFileContext.Provider value={sendFile}>
        <Harness onItems={(next) => (ids = next)} />
      </SendFileContext.Provider>,
    );
    const user = userEvent.setup({ delay: null });
    // eslint-disable-next-line testing-library/no-node-access -- the file input is hidden behind its button, and upload needs the input itself
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, [new File(['hello'], 'screen.png', { type: 'image/png' }), new File(['x'], 'broken.png', { type: 'image/png' })]);

    expect(await screen.findByText('Uploading 50 %')).toBeDefined();
    expect(await screen.findByText('Could not be uploaded.')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Retry broken.png' })).toBeDefined();
    await act(async () => finish?.());
    await waitFor(() => expect(ids).toEqual(['up-screen.png']));
    expect(screen.getByText('Attached')).toBeDefined();
    expect(sent[0]).toEqual({ url: 'https://bucket.test/', fields: { key: 'k', policy: 'p' }, name: 'screen.png' });
    const upload = requests.find((request) => new URL(request.url).pathname === '/api/uploads')!;
    expect(await upload.json()).toMatchObject({ fileName: expect.any(String), contentType: 'image/png' });

    await user.click(screen.getByRole('button', { name: 'Remove broken.png' }));
    expect(screen.queryByText('broken.png')).toBeNull();
  });
});
