import { useId } from 'react';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Comment, Ticket } from '../api/requests-api';
import { requestsMessages } from '../messages';
import { AttachmentList } from '../../../components/attachment-list';

/**
 * The public conversation, oldest first. The API gives a requester only public comments; a
 * comment that is not public is never shown here, whatever the API sends.
 */
export function Conversation({ ticket, comments }: { ticket: Ticket; comments: readonly Comment[] }) {
  const t = useMessages(requestsMessages);
  const headingId = useId();
  const shown = comments.filter((comment) => comment.public === true);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('view.conversation')}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t.format('view.noComments')}</p>
      ) : (
        <ol className="conversation">
          {shown.map((comment) => (
            <CommentItem key={comment.id} comment={comment} ticket={ticket} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentItem({ comment, ticket }: { comment: Comment; ticket: Ticket }) {
  const t = useMessages(requestsMessages);
  const { dateTime } = useDateTime();
  const headingId = useId();
  const mine = comment.author.role === 'requester' && comment.author.email.toLowerCase() === ticket.requester.email.toLowerCase();
  const author = mine
    ? t.format('view.you')
    : comment.author.role === 'system'
      ? t.format('view.system')
      : (comment.author.name ?? (comment.author.role === 'agent' ? t.format('view.desk') : comment.author.email));
  return (
    <li className="comment" data-author={mine ? 'me' : comment.author.role}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="comment-heading">
          <span className="comment-author">{author}</span>{' '}
          <time className="muted" dateTime={comment.createdAt}>
            {dateTime(comment.createdAt)}
          </time>
        </h3>
        <p className="message-body">{comment.body}</p>
        {comment.attachments.length > 0 ? <AttachmentList attachments={comment.attachments} /> : null}
      </article>
    </li>
  );
}
