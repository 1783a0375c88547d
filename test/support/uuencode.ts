/**
 * `content` uuencoded as POSIX uuencode writes it, lines joined by CRLF. Written out here rather
 * than taken from the decoding package, so the tests check the decoder against the format itself.
 */
export function uuencode(name: string, content: Buffer): string {
  const char = (value: number) => (value === 0 ? '`' : String.fromCharCode(value + 32));
  const lines = [`begin 644 ${name}`];
  for (let start = 0; start < content.length; start += 45) {
    const chunk = content.subarray(start, start + 45);
    let line = char(chunk.length);
    for (let index = 0; index < chunk.length; index += 3) {
      const [a = 0, b = 0, c = 0] = [chunk[index], chunk[index + 1], chunk[index + 2]];
      line += char(a >> 2) + char(((a & 3) << 4) | (b >> 4)) + char(((b & 15) << 2) | (c >> 6)) + char(c & 63);
    }
    lines.push(line);
  }
  lines.push('`', 'end');
  return lines.join('\r\n');
}
