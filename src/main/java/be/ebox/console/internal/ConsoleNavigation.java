package be.ebox.console.internal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the page frame whether to show the link to the sender console (only staff of an organisation see it). */
@ControllerAdvice
class ConsoleNavigation {

	private final Staff staff;

	ConsoleNavigation(Staff staff) {
		this.staff = staff;
	}

	@ModelAttribute("senderConsole")
	boolean senderConsole(Authentication authentication) {
		return staff.isStaff(authentication);
	}
}
