package be.ebox.console.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.ebox.messages.SentMessages;

/**
 * The chart of reads over time, drawn on the server as SVG coordinates (no script, no inline style: the page's CSP
 * allows neither). Two lines per day: messages published so far and messages read so far.
 */
public record ReadChart(List<SentMessages.Day> days, String publishedPoints, String readPoints, List<Tick> yTicks,
		List<Tick> xTicks, long max) {

	static final int WIDTH = 640;

	static final int HEIGHT = 260;

	static final int LEFT = 56;

	static final int RIGHT = 16;

	static final int TOP = 16;

	static final int BOTTOM = 40;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

	/** A label on an axis at a coordinate (y for the vertical axis, x for the horizontal one). */
	public record Tick(double at, String label) {
	}

	static ReadChart of(List<SentMessages.Day> days) {
		long max = Math.max(1, days.stream().mapToLong(SentMessages.Day::published).max().orElse(0));
		List<Tick> yTicks = new ArrayList<>();
		for (long value : new long[] { 0, (max + 1) / 2, max }) {
			if (yTicks.stream().noneMatch(t -> t.label().equals(Long.toString(value)))) {
				yTicks.add(new Tick(y(value, max), Long.toString(value)));
			}
		}
		List<Tick> xTicks = new ArrayList<>();
		int n = days.size();
		for (int i : new int[] { 0, n / 2, n - 1 }) {
			if (i >= 0 && i < n && xTicks.stream().noneMatch(t -> t.label().equals(DAY.format(days.get(i).day())))) {
				xTicks.add(new Tick(x(i, n), DAY.format(days.get(i).day())));
			}
		}
		return new ReadChart(days, points(days, max, true), points(days, max, false), yTicks, xTicks, max);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public double left() {
		return LEFT;
	}

	public double right() {
		return WIDTH - RIGHT;
	}

	public double top() {
		return TOP;
	}

	public double bottom() {
		return HEIGHT - BOTTOM;
	}

	public SentMessages.Day last() {
		return days.get(days.size() - 1);
	}

	private static String points(List<SentMessages.Day> days, long max, boolean published) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			long value = published ? days.get(i).published() : days.get(i).read();
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, days.size()), y(value, max)));
		}
		return points.toString().strip();
	}

	private static double x(int index, int count) {
		double plot = WIDTH - LEFT - RIGHT;
		return LEFT + (count <= 1 ? plot : index * plot / (count - 1));
	}

	private static double y(long value, long max) {
		double plot = HEIGHT - TOP - BOTTOM;
		return TOP + plot - value * plot / max;
	}
}
