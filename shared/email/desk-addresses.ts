import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { ticketKeyFromAddress, type PlusAddressSecret } from './plus-address.ts';
import { domainOf } from './address-domain.ts';

/** Who a desk's mail comes from: its address and sender name. */
export interface DeskMailbox {
  address: string;
  name?: string;
}

/**
 * The mailbox mail about a desk's tickets comes from: the desk's first own address under its name
 * (by default the desk's name), or the desk-wide `email` for a desk without addresses. Undefined
 * when the desk has no mailbox at all. The ticket's current desk decides, so a moved ticket's
 * replies come from its new desk.
 */
export function deskMailbox(config: ServiceDeskConfig, deskId: string | undefined): DeskMailbox | undefined {
  if (!config.email) return undefined;
  const desk = deskId === undefined ? undefined : config.desks.find((candidate) => candidate.id === deskId);
  if (desk?.email) return { address: desk.email.addresses[0]!, name: desk.email.name ?? desk.name };
  return { address: config.email.address, ...(config.email.name ? { name: config.email.name } : {}) };
}

/** Every address the desk receives on: the desk-wide one first, then each desk's, in configuration order. */
export function receivingAddresses(config: ServiceDeskConfig): string[] {
  if (!config.email) return [];
  return [config.email.address, ...config.desks.flatMap((desk) => desk.email?.addresses ?? [])];
}

/** The domains the receipt rule receives: that of the desk-wide address, then `email.otherDomains`. */
export function receivingDomains(config: Pick<ServiceDeskConfig, 'email'>): string[] {
  if (!config.email) return [];
  return [...new Set([domainOf(config.email.address), ...config.email.otherDomains])];
}

/**
 * The desk a new mail is addressed to: the one whose address comes first in To, then in Cc (as
 * Zendesk and Zammad take the first of several desk addresses); undefined when it names none (the
 * desk-wide address only), so routing starts at the default desk.
 */
export function addressedDesk(config: ServiceDeskConfig, recipients: readonly { address: string }[]): string | undefined {
  for (const { address } of recipients) {
    const desk = config.desks.find((candidate) => candidate.email?.addresses.includes(address.toLowerCase()));
    if (desk) return desk.id;
  }
  return undefined;
}

/** Whether an address is one the desk receives on, or a plus-address of one: copying it in would mail the desk itself. */
export function isDeskAddress(config: ServiceDeskConfig, address: string): boolean {
  const candidate = address.toLowerCase();
  return receivingAddresses(config).some((own) => {
    const local = own.slice(0, own.lastIndexOf('@'));
    return candidate === own || (domainOf(candidate) === domainOf(own) && candidate.startsWith(`${local}+`));
  });
}

/**
 * The ticket key of the first recipient that is a signed reply address of any address the desk
 * receives on. Every desk's signed addresses keep working after a ticket moves desks.
 */
export function ticketKeyFromReplyAddresses(config: ServiceDeskConfig, recipients: readonly { address: string }[], secret: PlusAddressSecret): string | undefined {
  const bases = receivingAddresses(config);
  for (const { address } of recipients) {
    for (const base of bases) {
      const key = ticketKeyFromAddress(address, base, secret);
      if (key) return key;
    }
  }
  return undefined;
}
