package be.ebox.messages;

import java.util.List;

import be.ebox.access.Reader;

/** The business data a sender gave with a message (file numbers, periods, amounts), as a reader sees it. */
public interface BusinessData {

	/**
	 * The items of a message the reader may read, each labelled and valued in the language when the sender gave it,
	 * else in the first language given (the key when no label); empty when none, or when the message does not exist
	 * for the reader.
	 */
	List<Item> of(Reader reader, MessageId id, String language);

	record Item(String key, String label, String value) {
	}
}
