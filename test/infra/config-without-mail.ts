import rawConfig from '#config';

/**
 * The example configuration of a desk without a mailbox: no top-level `email`, and no desk keeps
 * addresses of its own (they would need it).
 */
export function configWithoutMail(signIn: Record<string, unknown>): Record<string, unknown> {
  const { email: _email, desks, ...rest } = rawConfig as Record<string, unknown> & { desks: Record<string, unknown>[] };
  return { ...rest, desks: desks.map(({ email: _deskEmail, ...desk }) => desk), signIn };
}
