import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * Two clients of the approval page: a mail scanner that follows every link and posts every form
 * without running scripts, and a person's browser, reduced to what the page's script touches.
 */

type Element = ReturnType<typeof DomUtils.findAll>[number];

export interface ScannerRequest {
  method: string;
  url: string;
  status: number;
  body?: string;
}

const attribute = (element: Element, name: string): string | undefined => DomUtils.getAttributeValue(element, name);
const elements = (root: ReturnType<typeof parseDocument> | Element, tags: string[]) => DomUtils.findAll((node) => tags.includes(node.name), [root]);

/** What a form sends for one submitter: every field (hidden ones too) as it is, text fields filled or not. */
function formSubmissions(form: Element, fillText: boolean): URLSearchParams[] {
  const fields: [string, string][] = [];
  const submitters: [string, string][] = [];
  for (const field of elements(form, ['input', 'textarea', 'select', 'button'])) {
    const name = attribute(field, 'name');
    if (!name) continue;
    const type = (attribute(field, 'type') ?? (field.name === 'button' ? 'submit' : 'text')).toLowerCase();
    if (type === 'submit' || type === 'image') submitters.push([name, attribute(field, 'value') ?? '']);
    else if (field.name === 'select') fields.push([name, attribute(elements(field, ['option'])[0]!, 'value') ?? '']);
    else if (field.name === 'textarea' || type === 'text') fields.push([name, fillText ? 'Looks fine.' : DomUtils.textContent(field)]);
    else fields.push([name, attribute(field, 'value') ?? 'on']);
  }
  return [undefined, ...submitters].map((submitter) => new URLSearchParams([...fields, ...(submitter ? [submitter] : [])]));
}

/**
 * Follows every link and redirect from `start` and posts every form it finds with all its fields,
 * once per submit button and once without one, with text fields empty and filled, on every page
 * reached, up to `maxRequests` requests within the start's origin. Runs no script.
 */
export async function scanLikeAMailFilter(start: string, maxRequests = 40): Promise<ScannerRequest[]> {
  const origin = new URL(start).origin;
  const queue: { method: string; url: string; body?: string }[] = [{ method: 'GET', url: start }];
  const seen = new Set<string>();
  const done: ScannerRequest[] = [];
  while (queue.length > 0 && done.length < maxRequests) {
    const next = queue.shift()!;
    const id = `${next.method} ${next.url} ${next.body ?? ''}`;
    if (seen.has(id) || new URL(next.url).origin !== origin) continue;
    seen.add(id);
    const response = await fetch(next.url, {
      method: next.method,
      redirect: 'follow',
      ...(next.body !== undefined ? { body: next.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
    });
    done.push({ ...next, status: response.status });
    const html = await response.text();
    if (!/html/i.test(response.headers.get('content-type') ?? '')) continue;
    const document = parseDocument(html);
    const here = response.url;
    for (const link of elements(document, ['a', 'area', 'link', 'iframe', 'frame', 'img', 'meta'])) {
      const target = link.name === 'meta' ? /url=(.+)$/i.exec(attribute(link, 'content') ?? '')?.[1] : (attribute(link, 'href') ?? attribute(link, 'src'));
      if (target) queue.push({ method: 'GET', url: new URL(target, here).href });
    }
    for (const form of elements(document, ['form'])) {
      const action = new URL(attribute(form, 'action') ?? '', here);
      const method = (attribute(form, 'method') ?? 'get').toUpperCase();
      for (const fields of [...formSubmissions(form, false), ...formSubmissions(form, true)]) {
        if (method === 'POST') queue.push({ method, url: action.href, body: fields.toString() });
        else queue.push({ method: 'GET', url: `${action.origin}${action.pathname}?${fields}` });
      }
    }
  }
  return done;
}

/** An element as the page's script sees it: attributes, a value, and click listeners. */
interface ScriptElement {
  name: string | undefined;
  value: string;
  getAttribute(name: string): string | null;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  listeners: Map<string, ((event: unknown) => void)[]>;
}

export interface ApprovalPageInBrowser {
  /** The page's Content-Security-Policy allows its inline script (by hash). */
  scriptAllowed: boolean;
  /**
   * Clicks a decision button (a person's click is trusted; a script's `click()` is not) and
   * returns the form's fields as the browser would post them.
   */
  click(decision: 'approve' | 'reject', options?: { trusted?: boolean; comment?: string }): URLSearchParams;
}

/**
 * Loads the approval page as a browser would, as far as its script needs: runs the inline script
 * in its own context over a small DOM made from the page, and submits the form as the browser would.
 */
export function openApprovalPage(html: string, contentSecurityPolicy: string, navigator: { webdriver: boolean } = { webdriver: false }): ApprovalPageInBrowser {
  const document = parseDocument(html);
  const scripts = elements(document, ['script']).map((script) => DomUtils.textContent(script));
  const form = elements(document, ['form'])[0]!;
  const scriptElements = new Map<Element, ScriptElement>();
  for (const element of elements(document, ['form', 'input', 'textarea', 'button'])) {
    const listeners = new Map<string, ((event: unknown) => void)[]>();
    scriptElements.set(element, {
      name: attribute(element, 'name'),
      value: element.name === 'textarea' ? DomUtils.textContent(element) : (attribute(element, 'value') ?? ''),
      getAttribute: (name) => attribute(element, name) ?? null,
      addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      listeners,
    });
  }
  const byId = (id: string) => [...scriptElements].find(([element]) => attribute(element, 'id') === id)?.[1] ?? null;
  const allowed = scripts.every((script) => contentSecurityPolicy.includes(`'sha256-${createHash('sha256').update(script).digest('base64')}'`));
  if (allowed) for (const script of scripts) runInNewContext(script, { document: { getElementById: byId }, navigator });

  return {
    scriptAllowed: scripts.length > 0 && allowed,
    click(decision, { trusted = true, comment = '' } = {}) {
      const fields = elements(form, ['input', 'textarea', 'button']);
      const button = fields.find((field) => field.name === 'button' && attribute(field, 'value') === decision)!;
      for (const field of fields) if (field.name === 'textarea') scriptElements.get(field)!.value = comment;
      // The click reaches the button, then bubbles to the form.
      for (const target of [button, form]) {
        for (const listener of scriptElements.get(target)!.listeners.get('click') ?? []) listener({ type: 'click', isTrusted: trusted, target: scriptElements.get(button) });
      }
      const body = new URLSearchParams();
      for (const field of fields) {
        const element = scriptElements.get(field)!;
        if (!element.name || (field.name === 'button' && field !== button)) continue;
        body.append(element.name, element.value);
      }
      return body;
    },
  };
}
