import type * as z from 'zod';
import type { DeskEmailConfig, DeskSignatures } from './desk-mail-schema.ts';
import { domainOf } from '../email/address-domain.ts';

type Path = (string | number)[];

/** What the check reads of a configuration (written out, so config-schema.ts can run it without a cycle). */
interface DeskMailConfig {
  users: { email: string; role: string; deskSignatures?: DeskSignatures | undefined }[];
  desks: { id: string; levels: { members: string[] }[]; managers: string[]; restricted: boolean; email?: DeskEmailConfig | undefined }[];
  email?: { address: string; otherDomains: string[] } | undefined;
}

/**
 * Checks the desks' own addresses and the agents' per-desk signatures: an address belongs to one
 * desk, is not the desk-wide address, carries no `+` (signed reply addresses use it) and is on a
 * domain the receipt rule receives; a desk signature names a desk its agent works. Each problem
 * names its path, the address and the fix.
 */
export function checkDeskMail(config: DeskMailConfig, ctx: z.RefinementCtx, maxSignatureLength: number): void {
  const problem = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const received = config.email ? [domainOf(config.email.address), ...config.email.otherDomains] : [];
  const owners = new Map<string, string>();
  if (config.email) owners.set(config.email.address, 'the desk-wide address (email.address)');

  config.desks.forEach((desk, deskIndex) => {
    if (!desk.email) return;
    const path = ['desks', deskIndex, 'email'];
    if (!config.email) {
      problem(path, `desk ${desk.id} has its own addresses but the desk has no mailbox; add email with the desk-wide address (like support@desk.example.com) or leave desks[${deskIndex}].email out`);
      return;
    }
    desk.email.addresses.forEach((address, index) => {
      const at = [...path, 'addresses', index];
      const owner = owners.get(address);
      if (owner) problem(at, `${address} is already ${owner}; give each address to one desk only`);
      else owners.set(address, `an address of desk ${desk.id}`);
      if (address.slice(0, address.lastIndexOf('@')).includes('+')) {
        problem(at, `${address} holds a +, which the desk's signed reply addresses use; use an address without one, like ${address.replace(/\+[^@]*/, '')}`);
      }
      const domain = domainOf(address);
      if (!received.includes(domain)) {
        problem(
          at,
          `${address} is on ${domain}, which no receipt rule receives (it receives ${received.join(', ')}); add '${domain}' to email.otherDomains and verify it in SES, or use an address on ${received[0]}`,
        );
      }
    });
    checkSignature(desk.email.signature, [...path, 'signature'], `desk ${desk.id}`, maxSignatureLength, problem);
  });

  const desks = new Map(config.desks.map((desk) => [desk.id, desk]));
  config.users.forEach((user, userIndex) => {
    Object.entries(user.deskSignatures ?? {}).forEach(([deskId, signature]) => {
      const path = ['users', userIndex, 'deskSignatures', deskId];
      const desk = desks.get(deskId);
      if (!desk) {
        problem(path, `unknown desk "${deskId}"; use one of ${[...desks.keys()].join(', ')}`);
        return;
      }
      const works = desk.levels.some((level) => level.members.includes(user.email)) || desk.managers.includes(user.email) || (user.role === 'admin' && !desk.restricted);
      if (!works) problem(path, `${user.email} does not work desk ${deskId} (no member of its levels, not its manager); add them to the desk or remove this signature`);
      checkSignature(signature, path, `${user.email} for desk ${deskId}`, maxSignatureLength, problem);
    });
  });
}

function checkSignature(signature: string | undefined, path: Path, whose: string, max: number, problem: (path: Path, message: string) => void): void {
  if (signature === undefined) return;
  if (signature === '') problem(path, `the signature of ${whose} is empty; write one or leave it out`);
  if (signature.length > max) problem(path, `the signature of ${whose} has ${signature.length} characters; shorten it to at most ${max}`);
}
