/**
 * Hands out short-lived download links to stored attachments: presigned S3 URLs on AWS, the same
 * URLs against the local stand-in of the mail bucket in `npm start`.
 */
export interface AttachmentLinks {
  /** A URL that downloads the object at `location` as the file `filename`, valid for `expiresInSeconds`. */
  downloadUrl(location: string, filename: string, expiresInSeconds: number): Promise<string>;
}
