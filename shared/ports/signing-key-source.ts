/** Where the key that signs approval links comes from: a SecureString parameter on AWS, a local file in `npm start`. */
export interface SigningKeySource {
  approvalLinkKey(): Promise<Uint8Array>;
}
