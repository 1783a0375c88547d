import { DomHandler, type DomHandlerOptions } from 'domhandler';
import { Parser, type ParserOptions } from '../../node_modules/htmlparser2/dist/esm/Parser.js';

/**
 * Replaces htmlparser2 in the Lambda bundles (an esbuild alias set by ServiceDeskFunction).
 * sanitize-html require()s it, and a require bundles the whole CommonJS build: the DOM utilities,
 * the serializer and every table of `entities`, about 130 KB of each route that takes HTML; its ES
 * index still drags in the DOM utilities. sanitize-html uses the Parser alone and html-to-text
 * parseDocument, so the Parser comes from the ES build of the installed version and
 * parseDocument is htmlparser2's own three lines over it.
 */
export { Parser };

export function parseDocument(data: string, options?: ParserOptions & DomHandlerOptions): DomHandler['root'] {
  const handler = new DomHandler(undefined, options);
  new Parser(handler, options).end(data);
  return handler.root;
}
