/** Where the key that signs approval links comes from: a secret on AWS, a local file in `npm start`. */
export interface SigningKeySource {
  approvalLinkKey(): Promise<Uint8Array>;
}
