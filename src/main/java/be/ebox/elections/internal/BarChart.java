package be.ebox.elections.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG coordinates (no script, no inline style: the CSP allows neither),
 * always next to a table with the same figures.
 */
public record BarChart(List<Bar> bars, int width, int height) {

	static final int LABEL = 230;

	static final int ROW = 28;

	static final int PLOT = 300;

	/** @param ratio the value over the bar's maximum, for its width */
	public record Bar(String label, long value, long of, double y, double length) {

		public double textY() {
			return y + 15;
		}
	}

	static BarChart of(List<String> labels, List<Long> values, List<Long> maxima) {
		var bars = new ArrayList<Bar>();
		for (int i = 0; i < labels.size(); i++) {
			long max = Math.max(1, maxima.get(i));
			bars.add(new Bar(labels.get(i), values.get(i), maxima.get(i), 8 + i * ROW,
					Math.max(values.get(i) > 0 ? 2 : 0, values.get(i) * (double) PLOT / max)));
		}
		return new BarChart(bars, LABEL + PLOT + 80, 16 + labels.size() * ROW);
	}

	public int left() {
		return LABEL;
	}

	public int plot() {
		return PLOT;
	}
}
