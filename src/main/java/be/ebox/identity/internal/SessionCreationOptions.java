package be.ebox.identity.internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in the session between its two requests. Spring Security's own
 * repository stores the options object, which is not {@link Serializable} in 7.0 (spring-security#16431), so the
 * database-held sessions (Spring Session JDBC) cannot take it. This one stores plain values and rebuilds the options
 * from Spring's own constants (its checks compare some of them by identity).
 */
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	private static final List<UserVerificationRequirement> VERIFICATIONS = List.of(UserVerificationRequirement.DISCOURAGED,
			UserVerificationRequirement.PREFERRED, UserVerificationRequirement.REQUIRED);

	record Saved(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge, List<Long> algorithms,
			Duration timeout, List<PublicKeyCredentialDescriptor> exclude, String attachment, String residentKey,
			String userVerification, String attestation, AuthenticationExtensionsClientInputs extensions)
			implements Serializable {
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		request.getSession().setAttribute(ATTRIBUTE, new Saved(options.getRp().getId(), options.getRp().getName(),
				options.getUser(), options.getChallenge(),
				options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(), options.getTimeout(),
				options.getExcludeCredentials() == null ? null : List.copyOf(options.getExcludeCredentials()),
				selection == null || selection.getAuthenticatorAttachment() == null ? null : selection.getAuthenticatorAttachment().getValue(),
				selection == null || selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
				selection == null || selection.getUserVerification() == null ? null : selection.getUserVerification().getValue(),
				options.getAttestation() == null ? null : options.getAttestation().getValue(), options.getExtensions()));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Saved saved)) {
			return null;
		}
		var selection = AuthenticatorSelectionCriteria.builder();
		if (saved.attachment() != null) {
			selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(saved.attachment()));
		}
		if (saved.residentKey() != null) {
			selection.residentKey(ResidentKeyRequirement.valueOf(saved.residentKey()));
		}
		VERIFICATIONS.stream().filter(v -> v.getValue().equals(saved.userVerification())).findFirst()
			.ifPresent(selection::userVerification);
		var options = PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(saved.rpId()).name(saved.rpName()).build())
			.user(saved.user())
			.challenge(saved.challenge())
			.pubKeyCredParams(saved.algorithms().stream()
				.flatMap(alg -> ALGORITHMS.stream().filter(p -> p.getAlg().getValue() == alg).limit(1))
				.toList())
			.timeout(saved.timeout())
			.excludeCredentials(saved.exclude())
			.authenticatorSelection(selection.build())
			.extensions(saved.extensions());
		Stream.ofNullable(saved.attestation()).map(AttestationConveyancePreference::valueOf).forEach(options::attestation);
		return options.build();
	}
}
