package be.ebox.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's home: links to the operator pages of the modules (SecurityConfig keeps it to operators). */
@Controller
class OperatorController {

	@GetMapping("/operator")
	String home() {
		return "operator/home";
	}
}
