/**
 * Replaces linkify-it in the Lambda bundles (an esbuild alias set by ServiceDeskFunction).
 * mailparser builds a linkifier as it loads, compiling patterns over every top-level domain,
 * about 10 ms of the mail intake's cold start, and uses it only to turn a mail's text into HTML
 * with links, which the intake never asks for (`skipTextToHtml`). Configuring it is taken and
 * ignored; finding a link would be a bug: it throws.
 */
function leftOut(): never {
  throw new Error('linkify-it is left out of the function bundles: the mail intake never turns text into HTML (skipTextToHtml)');
}

interface LeftOutLinkifier {
  tlds(): LeftOutLinkifier;
  add(): LeftOutLinkifier;
  set(): LeftOutLinkifier;
  pretest: typeof leftOut;
  test: typeof leftOut;
  match: typeof leftOut;
}

export default function linkifyIt(): LeftOutLinkifier {
  const linkifier: LeftOutLinkifier = { tlds: () => linkifier, add: () => linkifier, set: () => linkifier, pretest: leftOut, test: leftOut, match: leftOut };
  return linkifier;
}
