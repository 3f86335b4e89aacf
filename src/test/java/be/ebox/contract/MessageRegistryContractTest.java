package be.ebox.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator really checks: a body that breaks the contract is reported. */
class MessageRegistryContractTest {

	final MessageRegistryContract contract = MessageRegistryContract.validator();

	@Test
	void reportsABodyThatBreaksTheContract() {
		String path = MessageRegistryContract.MOUNT + "/referenceData/messageTypes/X";
		assertThat(contract.responseProblems("GET", path, 200, "application/json", "{\"messageTypeId\":\"X\"}"))
			.isNotEmpty();
		assertThat(contract.responseProblems("GET", path, 200, "application/json",
				"{\"messageTypeId\":\"X\",\"messageTypeName\":{\"nl\":\"x\"},\"validityPeriod\":{\"validityPeriodNumber\":1,\"validityPeriodUnit\":\"week\"}}"))
			.anyMatch(problem -> problem.contains("enum"));
		assertThat(contract.responseProblems("GET", path, 404, "application/json", "{\"code\":\"NOT_FOUND\"}")).isNotEmpty();
	}

	@Test
	void acceptsAConformingBody() {
		String path = MessageRegistryContract.MOUNT + "/referenceData/messageTypes/X";
		assertThat(contract.responseProblems("GET", path, 200, "application/json",
				"{\"messageTypeId\":\"X\",\"messageTypeName\":{\"nl\":\"x\"},\"validityPeriod\":{\"validityPeriodNumber\":1,\"validityPeriodUnit\":\"day\"}}"))
			.isEmpty();
	}
}
