package be.ebox.system;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/**
 * Which handler results are pages whose frame needs its model attributes (language, signed-in person): a view to
 * render, not an API answer (no model and view at all) and not a redirect (whose model would become query
 * parameters). Used by the page-frame interceptors after the controller, as {@code @ModelAttribute} methods of a
 * controller advice ran before it, also for API requests.
 */
public final class PageModels {

	private PageModels() {
	}

	public static boolean isPage(ModelAndView result) {
		if (result == null) {
			return false;
		}
		if (result.getViewName() != null) {
			return !result.getViewName().startsWith("redirect:");
		}
		return !(result.getView() instanceof SmartView view && view.isRedirectView());
	}
}
