package be.ebox.identity.internal;

import java.util.List;

import be.ebox.identity.EboxUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in person's own second factors: the authenticator app, the recovery codes left, the passkeys; add,
 * remove, renew. Reached only after the second step of signing in (the gate sees to it).
 */
@Controller
class AccountSecondFactorPages {

	record Passkey(String id, String label, String created, String lastUsed) {
	}

	private final SecondFactors factors;

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository credentials;

	AccountSecondFactorPages(SecondFactors factors, PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials) {
		this.factors = factors;
		this.users = users;
		this.credentials = credentials;
	}

	@GetMapping("/account/second-factor")
	String page(@AuthenticationPrincipal EboxUser user, Model model) {
		model.addAttribute("status", factors.status(user.accountId(), user.getUsername()));
		model.addAttribute("passkeys", passkeys(user).stream()
			.map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), String.valueOf(c.getCreated()).substring(0, 10),
					c.getLastUsed() == null ? "" : String.valueOf(c.getLastUsed()).substring(0, 10)))
			.toList());
		return "identity/account-second-factor";
	}

	@PostMapping("/account/second-factor/totp/remove")
	String removeTotp(@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		factors.removeTotp(user.accountId(), user.getUsername());
		redirect.addFlashAttribute("done", "secondFactor.totp.removed");
		return "redirect:/account/second-factor";
	}

	@PostMapping("/account/second-factor/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("recoveryCodes", factors.renewRecoveryCodes(user.accountId(), user.getUsername()));
		return "redirect:/second-factor/recovery-codes";
	}

	/** Only a passkey of the person signed in: another id is not found (404), whoever it belongs to. */
	@PostMapping("/account/second-factor/passkeys/{id}/remove")
	String removePasskey(@AuthenticationPrincipal EboxUser user, @PathVariable("id") String id, RedirectAttributes redirect) {
		CredentialRecord own = passkeys(user).stream()
			.filter(c -> c.getCredentialId().toBase64UrlString().equals(id))
			.findFirst()
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		credentials.delete(own.getCredentialId());
		redirect.addFlashAttribute("done", "secondFactor.passkey.removed");
		return "redirect:/account/second-factor";
	}

	private List<CredentialRecord> passkeys(EboxUser user) {
		PublicKeyCredentialUserEntity entity = users.findByUsername(user.getUsername());
		return entity == null ? List.of() : credentials.findByUserId(entity.getId());
	}

}
