package be.ebox.messages;

import java.util.Map;
import java.util.Optional;

import be.ebox.access.Reader;
import be.ebox.registry.EnterpriseNumber;

/**
 * Read access to published messages. Everything scoped by a {@link Reader} answers only what that reader may read
 * and sees: visible already, not expired, of a type the reader may read, in the reader's e-Box.
 */
public interface Messages {

	/** Largest page size, as in the contract. */
	int MAX_PAGE_SIZE = 100;

	/** The message with its contents and attachments, whoever may read it: for senders and the platform itself. */
	Optional<Message> find(MessageId id);

	/** The message if the reader may read it; else empty, exactly as if it did not exist. */
	Optional<ReadableMessage> findFor(Reader reader, MessageId id);

	/**
	 * For the platform's own bookkeeping about many messages at once (the notifications' alerts): of these messages,
	 * each looked for in the e-Box given with it, those that are there, visible now and not expired, as
	 * {@link #findFor} with a reader of everything in that e-Box finds them — with their state and dates but
	 * <em>without</em> contents and attachments (empty), in one query whatever their number.
	 */
	Map<MessageId, ReadableMessage> findStatesIn(Map<MessageId, EnterpriseNumber> eboxes);

	/** A page (from 1) of the messages the filter selects, newest first; pageSize from 1 to {@link #MAX_PAGE_SIZE}. */
	MessagePage search(Reader reader, MessageFilter filter, int page, int pageSize);

	long count(Reader reader, MessageFilter filter);
}
