import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { Notification } from '../../../shared/domain/notifications.ts';
import type { AuthorRole, Comment } from '../../../shared/domain/ticket.ts';
import type { TimerScheduler } from '../../../shared/ports/timer-scheduler.ts';
import { followNewComment } from '../../../shared/use-cases/follow-ticket-change.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const config = parseConfig(rawConfig);
const ticket = aTicket({ requester: { email: 'rita@example.org' }, watchers: ['copied@example.org'] });

/** The mails the stream queues for a new comment. */
async function mailsFor(comment: Comment): Promise<Notification[]> {
  const queued: Notification[] = [];
  const deps = {
    config,
    store: { getTicket: async () => ticket },
    scheduler: {} as TimerScheduler,
    notifications: { enqueue: async (notifications: readonly Notification[]) => void queued.push(...notifications) },
  };
  await followNewComment(deps, comment);
  return queued;
}

const commentOf = (role: AuthorRole, isPublic: boolean, body: string): Comment => ({
  id: '01JNOTE',
  ticketKey: ticket.key,
  author: { email: 'someone@example.com', role },
  public: isPublic,
  body,
  attachments: [],
  createdAt: '2026-11-02T09:00:00.000Z',
});

describe('mail about comments', () => {
  it("sends an agent's public reply to the requester and the people copied", async () => {
    const [mail] = await mailsFor(commentOf('agent', true, 'A technician is on the way.'));
    expect(mail).toMatchObject({ kind: 'public_reply', to: ['rita@example.org'], cc: ['copied@example.org'] });
    expect(mail!.text).toContain('A technician is on the way.');
  });

  it('never mails an internal note, whoever wrote it and whatever it says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<AuthorRole>('agent', 'requester', 'system'), fc.string(), async (role, body) => {
        expect(await mailsFor(commentOf(role, false, body))).toEqual([]);
      }),
    );
  });
});
