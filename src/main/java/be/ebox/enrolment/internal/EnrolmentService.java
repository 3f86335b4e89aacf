package be.ebox.enrolment.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import be.ebox.access.AccessRoles;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.enrolment.ActivationCredentials;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.Enrolment;
import be.ebox.enrolment.RegistrationReceipt;
import be.ebox.enrolment.RegistrationRefusedException;
import be.ebox.enrolment.RegistrationRequest;
import be.ebox.enrolment.VerifiedActivation;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.identity.UsernameTakenException;
import be.ebox.registry.Enterprise;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.PostalAddress;
import be.ebox.system.Languages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration and new letters; activation is delegated to {@link Activation}. */
@Service
class EnrolmentService implements Enrolment {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final int USERNAME_ATTEMPTS = 10;

	private final EnterpriseRegistry registry;

	private final Accounts accounts;

	private final AccessRoles roles;

	private final AuditTrail audit;

	private final Eboxes eboxes;

	private final ActivationLetters letters;

	private final Activation activation;

	/** A savepoint around each username attempt: on PostgreSQL a failed INSERT would otherwise poison the transaction. */
	private final TransactionTemplate savepoint;

	EnrolmentService(EnterpriseRegistry registry, Accounts accounts, AccessRoles roles, AuditTrail audit, Eboxes eboxes,
			ActivationLetters letters, Activation activation, PlatformTransactionManager transactions) {
		this.registry = registry;
		this.accounts = accounts;
		this.roles = roles;
		this.audit = audit;
		this.eboxes = eboxes;
		this.letters = letters;
		this.activation = activation;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Override
	@Transactional
	public RegistrationReceipt register(RegistrationRequest request) {
		Registered registered = registerAndIssue(request, null);
		return new RegistrationReceipt(request.enterprise(), registered.enterprise().name(request.letterLanguage()),
				registered.address(), request.letterLanguage());
	}

	@Override
	@Transactional
	public ActivationCredentials registerWithCredentials(RegistrationRequest request) {
		Registered registered = registerAndIssue(request, null);
		return new ActivationCredentials(request.enterprise(), registered.username(), registered.code());
	}

	@Override
	@Transactional
	public ActivationCredentials registerWithCredentials(RegistrationRequest request, String username) {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("username missing");
		}
		Registered registered = registerAndIssue(request, username.strip().toLowerCase(java.util.Locale.ROOT));
		return new ActivationCredentials(request.enterprise(), registered.username(), registered.code());
	}

	private record Registered(Enterprise enterprise, PostalAddress address, String username, String code) {
	}

	/** @param username the chosen username, or null for one derived from the representative's name */
	private Registered registerAndIssue(RegistrationRequest request, String username) {
		checkWellFormed(request);
		Enterprise enterprise = eligible(request.enterprise());
		PostalAddress address = enterprise.registeredOffice().orElseThrow();
		String name = request.representativeName().strip();
		String email = request.email().strip();
		var account = username == null ? createAccount(name, email, request.letterLanguage())
				: new NewAccount(accounts.createPending(username, name, email, request.letterLanguage()), username);
		eboxes.insert(request.enterprise(), letters.now(), name, email, request.letterLanguage(), account.id());
		roles.appointMainAccessManager(request.enterprise(), account.id());
		audit.record(AuditEvent.of("anonymous", "REGISTRATION", request.enterprise(),
				"main access manager " + account.username() + ", letter in " + request.letterLanguage()));
		String code = letters.issue(enterprise, name, request.letterLanguage(), account.id(), account.username(), false,
				"anonymous");
		return new Registered(enterprise, address, account.username(), code);
	}

	private static void checkWellFormed(RegistrationRequest request) {
		if (request.enterprise() == null) {
			throw new IllegalArgumentException("enterprise number missing");
		}
		if (request.representativeName() == null || request.representativeName().isBlank()
				|| request.representativeName().strip().length() > 200) {
			throw new IllegalArgumentException("representative name missing or too long");
		}
		if (!isValidEmail(request.email())) {
			throw new IllegalArgumentException("e-mail address not valid");
		}
		if (!Languages.isSupported(request.letterLanguage())) {
			throw new IllegalArgumentException("unsupported letter language");
		}
	}

	static boolean isValidEmail(String email) {
		return email != null && email.strip().length() <= 254 && EMAIL.matcher(email.strip()).matches();
	}

	/** The friendly checks, in the order a person can act on them; the primary key still guards the race. */
	private Enterprise eligible(EnterpriseNumber number) {
		Enterprise enterprise = registry.find(number)
			.orElseThrow(() -> new RegistrationRefusedException(RegistrationRefusedException.Reason.UNKNOWN));
		if (enterprise.type() != Enterprise.Type.LEGAL_PERSON) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NATURAL_PERSON);
		}
		if (!enterprise.isActiveLegalEntity()) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_ACTIVE);
		}
		if (eboxes.state(number).isPresent()) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.ALREADY_REGISTERED);
		}
		if (enterprise.registeredOffice().isEmpty()) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NO_REGISTERED_OFFICE);
		}
		return enterprise;
	}

	private record NewAccount(AccountId id, String username) {
	}

	private NewAccount createAccount(String name, String email, String language) {
		for (int attempt = 0; attempt < USERNAME_ATTEMPTS; attempt++) {
			String username = Usernames.candidate(name, attempt);
			if (accounts.findByUsername(username).isPresent()) {
				continue;
			}
			try {
				AccountId id = savepoint.execute(status -> accounts.createPending(username, name, email, language));
				return new NewAccount(id, username);
			}
			catch (UsernameTakenException ex) {
				// taken by a concurrent registration between the check and the insert: next candidate
			}
		}
		throw new IllegalStateException("No free username after " + USERNAME_ATTEMPTS + " attempts");
	}

	@Override
	@Transactional
	public void issueNewLetter(EnterpriseNumber number, String operator) {
		var ebox = eboxes.findForUpdate(number).orElseThrow(() -> new IllegalStateException("not registered"));
		if (ebox.state() != EboxState.REGISTERED) {
			throw new IllegalStateException("already active");
		}
		Enterprise enterprise = registry.find(number).filter(e -> e.registeredOffice().isPresent())
			.orElseThrow(() -> new IllegalStateException("no registered office in the registry"));
		String username = accounts.find(ebox.mainAccount()).orElseThrow().username();
		letters.voidOpen(number);
		letters.issue(enterprise, ebox.representativeName(), ebox.letterLanguage(), ebox.mainAccount(), username, true,
				operator);
	}

	@Override
	public VerifiedActivation verifyActivationCode(String username, String activationCode, String clientAddress) {
		return activation.verify(username, activationCode, clientAddress);
	}

	@Override
	public void completeActivation(VerifiedActivation verified, String password, String termsVersion) {
		activation.complete(verified, password, termsVersion);
	}

	@Override
	public AccountId activate(String username, String activationCode, String password, String termsVersion) {
		return activation.activate(username, activationCode, password, termsVersion);
	}

	@Override
	public Optional<EboxState> state(EnterpriseNumber enterprise) {
		return eboxes.state(enterprise);
	}

	@Override
	public java.util.Set<EnterpriseNumber> active(java.util.Collection<EnterpriseNumber> enterprises) {
		return eboxes.active(enterprises);
	}
}
