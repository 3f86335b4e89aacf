package be.ebox.senders;

import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/**
 * An institution (or company) that publishes messages, identified by its enterprise number.
 * @param logo the logo, if one was uploaded
 */
public record SenderOrganisation(EnterpriseNumber number, TranslatedText shortName, TranslatedText longName, String url,
		String contactBusiness, String contactTechnical, Optional<Logo> logo) {

	/** A logo image kept in the blob store; its image id in the contract is its SHA-256. */
	public record Logo(String sha256, String mediaType, long size) {
	}
}
