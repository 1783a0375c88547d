import { useId } from 'react';
import { AttachmentList } from '../../../components/attachment-list';
import { Icon } from '../../../components/icon';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Comment } from '../api/ticket-api';
import { ticketMessages } from '../messages';
import { AcceptSenderButton } from './accept-sender-button';

/**
 * The whole conversation, oldest first, as staff see it: public replies and internal notes told
 * apart by a label, an icon and their colour, each with its author, time and files. A new
 * participant's unverified mail names its sender and offers to accept them.
 */
export function TicketConversation({ comments, announce }: { comments: readonly Comment[]; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const headingId = useId();
  return (
    <section className="ticket-conversation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('conversation.heading')}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t.format('conversation.empty')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} announce={announce} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentItem({ comment, announce }: { comment: Comment; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const { dateTime } = useDateTime();
  const headingId = useId();
  const noteId = useId();
  const participant = comment.kind === 'unverified' && comment.unverified?.reason === 'new_participant' ? comment.unverified.sender : undefined;
  const visibility = comment.public ? 'public' : 'internal';
  const kind = t.format(comment.public ? 'comment.public' : 'comment.internal');
  // A new participant is named as they wrote, never as the desk: the agent decides on who they are.
  const author = comment.author.role === 'system' && !participant ? t.format('author.system') : (comment.author.name ?? comment.author.email);
  const named = comment.author.name && participant ? ` <${participant}>` : '';
  const role = participant ? t.format('role.participant') : t.format(`role.${comment.author.role}`);
  return (
    <li className="ticket-comment" data-visibility={visibility}>
      <article aria-labelledby={headingId}>
        <header className="ticket-comment-header">
          <h3 id={headingId} className="comment-title">
            <span className="comment-kind">
              <Icon name={comment.public ? 'reply' : 'lock'} />
              {kind}
            </span>{' '}
            <span className="comment-author">
              {author}
              {named}
            </span>{' '}
            <span className="muted comment-role">({role})</span>
          </h3>
          <time className="muted" dateTime={comment.createdAt}>
            {dateTime(comment.createdAt)}
          </time>
        </header>
        {comment.kind === 'unverified' ? (
          <p className="note" role="note" id={noteId}>
            {participant ? t.format('comment.newParticipant', { sender: participant }) : t.format('comment.unverified')}
          </p>
        ) : null}
        <p className="message-body">{comment.body}</p>
        {participant ? <AcceptSenderButton commentId={comment.id} sender={participant} describedBy={noteId} announce={announce} /> : null}
        {comment.acceptedSender ? <p className="muted">{t.format('comment.acceptedBy', { by: comment.acceptedSender.by })}</p> : null}
        {comment.attachments.length > 0 ? <AttachmentList attachments={comment.attachments} /> : null}
      </article>
    </li>
  );
}
