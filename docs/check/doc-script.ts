import { readFileSync } from 'node:fs';
import { rewritePorts, type CommandBlock, type PortVariable } from './doc-command-blocks.ts';

/** Marks in the script's output where a command starts: `\x1e<index>\x1e`, and `\x1edone\x1e` at the end. */
export const MARK = '\x1e';

/** A command of the script, by its index in the marks. */
export interface ScriptCommand {
  block: CommandBlock;
  command: CommandBlock['commands'][number];
}

export interface DocScript {
  text: string;
  commands: ScriptCommand[];
}

/** The functions and traps every script starts with: see the file. */
const PREAMBLE = readFileSync(new URL('./doc-check-preamble.sh', import.meta.url), 'utf8').trimEnd();

/**
 * The bash script that runs a page's runnable blocks in order in one process: the blocks' lines as
 * the page shows them (ports moved), so variables of one block reach the next.
 */
export function docScript(blocks: readonly CommandBlock[], ports: Partial<Record<PortVariable, number>>): DocScript {
  const commands: ScriptCommand[] = [];
  const body: string[] = [];
  const lineToCommand: string[] = [];
  const expectations: string[] = [];
  // Line numbers below count from the first body line; the preamble is prepended with its length added.
  const preambleLines = PREAMBLE.split('\n').length + 3;
  for (const block of blocks) {
    body.push(`# ${block.file}:${block.line}`);
    const firstScriptLine = preambleLines + body.length + 1;
    for (const command of block.commands) {
      const index = commands.length;
      commands.push({ block, command });
      for (let line = command.startLine; line <= command.endLine; line++) lineToCommand.push(`[${firstScriptLine + line - block.firstContentLine}]=${index}`);
      if (command.expectStatus !== undefined) expectations.push(`[${index}]=${command.expectStatus}`);
    }
    body.push(...block.lines.map((line) => rewritePorts(line, ports)));
  }
  body.push(`printf '${MARK}done${MARK}'`);
  const text = [PREAMBLE, `declare -A __DC_LINES=(${lineToCommand.join(' ')})`, `declare -A __DC_EXPECT=(${expectations.join(' ')})`, `trap '__dc_enter "$LINENO"' DEBUG`, ...body].join('\n');
  return { text: `${text}\n`, commands };
}
