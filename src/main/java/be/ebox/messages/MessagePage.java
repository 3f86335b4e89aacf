package be.ebox.messages;

import java.util.List;

/**
 * One page of a message list, newest first.
 * @param page the page number, from 1 as in the contract
 * @param total how many messages the filter selects on all pages
 */
public record MessagePage(List<ReadableMessage> items, int page, int pageSize, long total) {

	public MessagePage {
		items = List.copyOf(items);
	}

	public long pageCount() {
		return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
	}
}
