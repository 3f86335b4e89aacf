package be.ebox.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks our Message Registry answers against the shared e-Box Swagger contract (v2.1) with Atlassian's
 * swagger-request-validator. The contract's basePath {@code /ebox/$domain/v$} is replaced by our mount
 * {@code /REST/ebox/enterprise/messageRegistry/v2}. Reusable: {@code MessageRegistryContract.validator()
 * .assertValidResponse("GET", path, status, contentType, body)}.
 */
public final class MessageRegistryContract {

	public static final String MOUNT = "/REST/ebox/enterprise/messageRegistry/v2";

	private static final Path SPEC = Path.of(System.getProperty("ebox.contract",
			"/work/shared/reference/ebox-enterprise/e-Box-Enterprise-swagger-v2.1-AP-Public.yaml"));

	private static volatile MessageRegistryContract instance;

	private final OpenApiInteractionValidator validator;

	private MessageRegistryContract() throws Exception {
		String spec = Files.readString(locate());
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
			.withBasePathOverride(MOUNT)
			.build();
	}

	/** The shared contract, found at the absolute path or relative to the worktree ({@code ../shared/...}). */
	private static Path locate() {
		if (Files.exists(SPEC)) {
			return SPEC;
		}
		Path relative = Path.of("..", "..", "shared", "reference", "ebox-enterprise", SPEC.getFileName().toString());
		return Files.exists(relative) ? relative : Path.of("..", "shared", "reference", "ebox-enterprise",
				SPEC.getFileName().toString());
	}

	public static MessageRegistryContract validator() {
		if (instance == null) {
			synchronized (MessageRegistryContract.class) {
				if (instance == null) {
					try {
						instance = new MessageRegistryContract();
					}
					catch (Exception ex) {
						throw new IllegalStateException("Cannot read the e-Box contract", ex);
					}
				}
			}
		}
		return instance;
	}

	/** Validation messages (empty when the response conforms). {@code path} is the full path, mount included. */
	public List<String> responseProblems(String method, String path, int status, String contentType, String body) {
		var response = SimpleResponse.Builder.status(status).withContentType(contentType);
		if (body != null) {
			response.withBody(body);
		}
		ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
		return report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).toList();
	}

	public void assertValidResponse(String method, String path, int status, String contentType, String body) {
		assertThat(responseProblems(method, path, status, contentType, body))
			.as("%s %s -> %s %s conforms to the e-Box contract", method, path, status, body)
			.isEmpty();
	}

}
