package be.ebox.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A link of the page frame's language switch, worked out in Java once per page: the layout prints it instead of
 * comparing each language with the current one in several expressions (every page pays for the frame).
 * @param code nl, fr, de or en (the link's {@code lang} and {@code hreflang})
 * @param label what the link shows, e.g. NL
 * @param current {@code "true"} for the page's own language ({@code aria-current}), else null (no attribute)
 * @param css {@code is-current} for the page's own language, else null
 */
public record LanguageLink(String code, String label, String href, String current, String css) {

	/** @param hrefs the link of each language, in the order shown */
	public static List<LanguageLink> of(Map<String, String> hrefs, String currentLanguage) {
		var links = new ArrayList<LanguageLink>(hrefs.size());
		hrefs.forEach((code, href) -> {
			boolean current = code.equals(currentLanguage);
			links.add(new LanguageLink(code, code.toUpperCase(java.util.Locale.ROOT), href, current ? "true" : null,
					current ? "is-current" : null));
		});
		return links;
	}
}
