package be.ebox.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Attributes the page frame needs (language, signed-in person), added to the model after the controller and only when
 * the result is a page to render: not an API answer (no model and view at all) and not a redirect (whose model would
 * become query parameters). As {@code @ModelAttribute} methods of a {@code @ControllerAdvice} for every
 * {@code @Controller} they also matched each {@code @RestController}, and Spring MVC set them up and invoked them at
 * every API request for a model nobody renders. A subclass that is a bean registers itself as an interceptor.
 */
public abstract class PageFrameAttributes implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public final void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public final void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView result) {
		if (isPage(result)) {
			addTo(result.getModelMap(), request);
		}
	}

	/** Adds the attributes the controller did not set itself. */
	protected abstract void addTo(ModelMap model, HttpServletRequest request);

	private static boolean isPage(ModelAndView result) {
		if (result == null) {
			return false;
		}
		if (result.getViewName() != null) {
			return !result.getViewName().startsWith("redirect:");
		}
		return !(result.getView() instanceof SmartView view && view.isRedirectView());
	}
}
