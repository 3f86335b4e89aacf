package be.ebox.bench;

/** KBO/BCE entity numbers with their mod-97 check digits. */
final class Numbers {

	private Numbers() {
	}

	/** {@code 0###.###.###} or {@code 1###.###.###} from the first eight digits (2 000 000 .. 19 999 999). */
	static String enterprise(long firstEight) {
		String digits = tenDigits(firstEight);
		return digits.substring(0, 4) + '.' + digits.substring(4, 7) + '.' + digits.substring(7);
	}

	/** {@code 2.###.###.###} from the first eight digits (20 000 000 .. 29 999 999). */
	static String establishment(long firstEight) {
		String digits = tenDigits(firstEight);
		return digits.charAt(0) + "." + digits.substring(1, 4) + '.' + digits.substring(4, 7) + '.'
				+ digits.substring(7);
	}

	static String tenDigits(long firstEight) {
		if (firstEight < 0 || firstEight > 99_999_999L) {
			throw new IllegalArgumentException("not eight digits: " + firstEight);
		}
		long value = firstEight * 100 + (97 - firstEight % 97);
		char[] digits = new char[10];
		for (int i = 9; i >= 0; i--) {
			digits[i] = (char) ('0' + value % 10);
			value /= 10;
		}
		return new String(digits);
	}

	/** Self-check, run by run.sh before generating: {@code java be.ebox.bench.Numbers}. */
	public static void main(String[] args) {
		String a = enterprise(2_000_657L);
		if (!a.equals("0200.065.765")) {
			throw new AssertionError("expected the sample number 0200.065.765, got " + a);
		}
		String b = tenDigits(4_034_498L);
		if (!b.equals("0403449823")) {
			throw new AssertionError("expected 0403449823, got " + b);
		}
		String c = establishment(20_000_003L);
		if (!c.equals("2.000.000.339")) {
			throw new AssertionError("expected the sample number 2.000.000.339, got " + c);
		}
		System.out.println("check digits ok: " + a + ", " + c);
	}
}
