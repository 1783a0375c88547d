import sanitizeHtml from 'sanitize-html';

/**
 * Keeps the formatting of an HTML comment and nothing that runs or phones home: no scripts, no
 * event handlers, no javascript: URLs, no images (remote images are trackers; attachments carry files).
 */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
    allowedAttributes: { a: ['href', 'title', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
    // No style attribute is kept, so none is parsed: the function bundles leave postcss out.
    parseStyleAttributes: false,
  });
}
