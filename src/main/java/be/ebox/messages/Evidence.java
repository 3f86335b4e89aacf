package be.ebox.messages;

import java.time.Instant;
import java.util.List;

/** The delivery evidence of a message: what happened to it, when and by whom, oldest first. */
public interface Evidence {

	/** Published, visible, then every recorded step, and expired once past expiry; empty when no such message. */
	List<Event> timeline(MessageId id);

	enum Kind {
		PUBLISHED, VISIBLE, OPENED, DOWNLOADED, ACKNOWLEDGED, HIDDEN, UNHIDDEN, DONE, REOPENED, EXPIRED
	}

	/**
	 * @param actorKind PERSON or SOFTWARE for what a reader did, SYSTEM for the facts of the platform
	 * @param actor account id or client id, null for SYSTEM
	 * @param actorEnterprise the reader's enterprise (a service provider under mandate is not the recipient)
	 * @param attachmentPosition for DOWNLOADED, else null
	 */
	record Event(Instant at, Kind kind, String actorKind, String actor, String actorEnterprise,
			Integer attachmentPosition) {
	}
}
