import * as z from 'zod';

/** Identifiers used in keys and URLs: lower-case, no separators that the store uses. */
const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'use 1-32 lower-case letters, digits or dashes, starting with a letter');

const emailSchema = z.email().transform((email) => email.toLowerCase());

export const staffRoleSchema = z.enum(['admin', 'manager', 'agent']);

export const staffUserSchema = z.object({
  email: emailSchema,
  name: z.string().min(1).max(200),
  role: staffRoleSchema,
});

export const levelSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  /** Agents (by email) who work this level. */
  members: z.array(emailSchema).default([]),
});

export const deskSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  /** Ordered: the first level receives new tickets, escalation moves down the list. */
  levels: z.array(levelSchema).min(1, 'a desk needs at least one level'),
  /** Managers (by email) who see and run this desk. */
  managers: z.array(emailSchema).default([]),
});

export const serviceDeskConfigSchema = z
  .object({
    /** Prefix of human ticket keys: `SD` gives SD-1, SD-2, ... */
    ticketKeyPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'use 1-10 upper-case letters or digits, starting with a letter'),
    /** Desk that receives tickets which name no desk. */
    defaultDesk: idSchema,
    /** Staff directory: agents, managers and admins (requesters need no entry). */
    users: z.array(staffUserSchema).default([]),
    desks: z.array(deskSchema).min(1, 'configure at least one help desk'),
  })
  .superRefine((config, ctx) => {
    const staff = new Map(config.users.map((user) => [user.email, user]));
    const seenUsers = new Set<string>();
    config.users.forEach((user, index) => {
      if (seenUsers.has(user.email)) {
        ctx.addIssue({ code: 'custom', path: ['users', index, 'email'], message: `duplicate user ${user.email}` });
      }
      seenUsers.add(user.email);
    });
    const seenDesks = new Set<string>();
    config.desks.forEach((desk, deskIndex) => {
      if (seenDesks.has(desk.id)) {
        ctx.addIssue({ code: 'custom', path: ['desks', deskIndex, 'id'], message: `duplicate desk id "${desk.id}"` });
      }
      seenDesks.add(desk.id);
      const seenLevels = new Set<string>();
      desk.levels.forEach((level, levelIndex) => {
        if (seenLevels.has(level.id)) {
          ctx.addIssue({ code: 'custom', path: ['desks', deskIndex, 'levels', levelIndex, 'id'], message: `duplicate level id "${level.id}"` });
        }
        seenLevels.add(level.id);
        level.members.forEach((member, memberIndex) => {
          if (!staff.has(member)) {
            ctx.addIssue({
              code: 'custom',
              path: ['desks', deskIndex, 'levels', levelIndex, 'members', memberIndex],
              message: `${member} is not in users; add it there with role agent, manager or admin`,
            });
          }
        });
      });
      desk.managers.forEach((manager, managerIndex) => {
        const user = staff.get(manager);
        if (!user || user.role === 'agent') {
          ctx.addIssue({
            code: 'custom',
            path: ['desks', deskIndex, 'managers', managerIndex],
            message: `${manager} must be in users with role manager or admin`,
          });
        }
      });
    });
    if (!seenDesks.has(config.defaultDesk)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultDesk'],
        message: `"${config.defaultDesk}" is not a desk id; use one of ${[...seenDesks].join(', ')}`,
      });
    }
  });

export type ServiceDeskConfigInput = z.input<typeof serviceDeskConfigSchema>;
export type ServiceDeskConfig = z.output<typeof serviceDeskConfigSchema>;
export type DeskConfig = z.output<typeof deskSchema>;
export type StaffUser = z.output<typeof staffUserSchema>;
export type StaffRole = z.output<typeof staffRoleSchema>;
