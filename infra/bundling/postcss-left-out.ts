/**
 * Replaces postcss in the Lambda bundles (an esbuild alias set by ServiceDeskFunction).
 * sanitize-html requires it as it loads but parses CSS only to keep style attributes, and the
 * comment sanitiser keeps none (`parseStyleAttributes: false`); postcss with its source map
 * support is about 90 KB of every route that takes HTML. Reaching it would be a bug: it throws.
 */
export function parse(): never {
  throw new Error('postcss is left out of the function bundles: no style attribute is parsed');
}
