import { useId } from 'react';
import { AttachmentList } from '../../../components/attachment-list';
import { Icon } from '../../../components/icon';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Comment } from '../api/ticket-api';
import { ticketMessages } from '../messages';

/**
 * The whole conversation, oldest first, as staff see it: public replies and internal notes told
 * apart by a label, an icon and their colour, each with its author, time and files.
 */
export function TicketConversation({ comments }: { comments: readonly Comment[] }) {
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
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentItem({ comment }: { comment: Comment }) {
  const t = useMessages(ticketMessages);
  const { dateTime } = useDateTime();
  const headingId = useId();
  const visibility = comment.public ? 'public' : 'internal';
  const kind = t.format(comment.public ? 'comment.public' : 'comment.internal');
  const author = comment.author.role === 'system' ? t.format('author.system') : (comment.author.name ?? comment.author.email);
  return (
    <li className="ticket-comment" data-visibility={visibility}>
      <article aria-labelledby={headingId}>
        <header className="ticket-comment-header">
          <h3 id={headingId} className="comment-title">
            <span className="comment-kind">
              <Icon name={comment.public ? 'reply' : 'lock'} />
              {kind}
            </span>{' '}
            <span className="comment-author">{author}</span> <span className="muted comment-role">({t.format(`role.${comment.author.role}`)})</span>
          </h3>
          <time className="muted" dateTime={comment.createdAt}>
            {dateTime(comment.createdAt)}
          </time>
        </header>
        {comment.kind === 'unverified' ? (
          <p className="note" role="note">
            {t.format('comment.unverified')}
          </p>
        ) : null}
        <p className="message-body">{comment.body}</p>
        {comment.attachments.length > 0 ? <AttachmentList attachments={comment.attachments} /> : null}
      </article>
    </li>
  );
}
