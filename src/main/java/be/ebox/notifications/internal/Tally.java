package be.ebox.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import be.ebox.registry.EnterpriseNumber;

/**
 * What an e-mail counts, per e-Box and reason, and nothing else: the outbox row stores it as
 * {@code digits:REASON:count;...} and the e-mail is written from it when it is sent.
 */
record Tally(List<Line> lines) {

	record Line(EnterpriseNumber ebox, Reason reason, int count) {
	}

	static Tally of(EnterpriseNumber ebox, Reason reason) {
		return new Tally(List.of(new Line(ebox, reason, 1)));
	}

	/** Lines grouped by e-Box, reasons in their natural order. */
	static Tally count(Map<EnterpriseNumber, Map<Reason, Integer>> counts) {
		List<Line> lines = new ArrayList<>();
		new TreeMap<>(counts).forEach((ebox, reasons) -> new TreeMap<>(reasons)
			.forEach((reason, count) -> lines.add(new Line(ebox, reason, count))));
		return new Tally(lines);
	}

	boolean isEmpty() {
		return lines.isEmpty();
	}

	String encode() {
		var text = new StringBuilder();
		for (Line line : lines) {
			text.append(text.isEmpty() ? "" : ";").append(line.ebox().digits()).append(':').append(line.reason())
				.append(':').append(line.count());
		}
		return text.toString();
	}

	static Tally decode(String payload) {
		List<Line> lines = new ArrayList<>();
		for (String part : payload.split(";")) {
			String[] fields = part.split(":");
			lines.add(new Line(EnterpriseNumber.parse(fields[0]), Reason.valueOf(fields[1]), Integer.parseInt(fields[2])));
		}
		return new Tally(lines);
	}
}
