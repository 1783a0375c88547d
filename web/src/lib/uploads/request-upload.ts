import { api } from '../api/api';
import { apiData } from '../api/api-error';

export interface UploadRequest {
  fileName: string;
  contentType: string;
  size: number;
}

/** A presigned S3 POST: send `fields` first and the file last, as multipart/form-data. */
export interface UploadGrant {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: string;
}

type UploadsPost = (path: '/uploads', init: { body: UploadRequest }) => Promise<{ data?: UploadGrant; error?: unknown; response: Response }>;

/** `POST /uploads`: where to send one file. */
export async function requestUpload(body: UploadRequest): Promise<UploadGrant> {
  const client = await api();
  // Typed here until the upload route is in the generated schema (then `client.POST('/uploads', ...)`).
  const post = client.POST.bind(client) as unknown as UploadsPost;
  return apiData(post('/uploads', { body }));
}

/** A file already uploaded: its id is what a ticket or a comment needs, so it survives a sign-in redirect. */
export interface UploadedFile {
  uploadId: string;
  name: string;
  size: number;
}
