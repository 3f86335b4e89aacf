package be.ebox.inbox.internal;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import be.ebox.system.Languages;

/** Dates, times and sizes in the reader's language, in Belgian time. One per page: not for several threads. */
final class Presentation {

	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final Locale locale;

	private final DateTimeFormatter date;

	private final DateTimeFormatter dateTime;

	private final LocalDate today;

	/** For whole numbers; one per page, which is read by one thread ({@link NumberFormat} is not thread-safe). */
	private final NumberFormat integers;

	Presentation(Locale locale, Clock clock) {
		this.locale = Locale.forLanguageTag(Languages.of(locale));
		this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale).withZone(BELGIUM);
		this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(this.locale)
			.withZone(BELGIUM);
		this.today = LocalDate.now(clock.withZone(BELGIUM));
		this.integers = NumberFormat.getIntegerInstance(this.locale);
	}

	String language() {
		return locale.getLanguage();
	}

	LocalDate today() {
		return today;
	}

	String date(Instant instant) {
		return instant == null ? "" : date.format(instant);
	}

	String date(LocalDate day) {
		return day == null ? "" : date.format(day);
	}

	String dateTime(Instant instant) {
		return instant == null ? "" : dateTime.format(instant);
	}

	/** Whole days from today (Belgian time) to the day of the instant; 0 on that day. */
	long daysUntil(Instant instant) {
		return ChronoUnit.DAYS.between(today, instant.atZone(BELGIUM).toLocalDate());
	}

	long daysUntil(LocalDate day) {
		return ChronoUnit.DAYS.between(today, day);
	}

	/** A size with the decimal separator of the language: {@code 1,5 MB} in Dutch, {@code 1.5 MB} in English. */
	String size(long bytes) {
		var number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(1);
		if (bytes < 1024) {
			return number.format(bytes) + " B";
		}
		if (bytes < 1024 * 1024) {
			return number.format(bytes / 1024.0) + " kB";
		}
		return number.format(bytes / (1024.0 * 1024.0)) + " MB";
	}

	String number(long value) {
		return integers.format(value);
	}

	/** The name of a language in the reader's language, e.g. "Frans" for fr read in Dutch. */
	String languageName(String code) {
		return Locale.forLanguageTag(code).getDisplayLanguage(locale);
	}
}
