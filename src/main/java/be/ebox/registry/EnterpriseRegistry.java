package be.ebox.registry;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask of the enterprise registry. */
public interface EnterpriseRegistry {

	Optional<Enterprise> find(EnterpriseNumber number);

	/**
	 * The name of a registered enterprise in a language, as {@link Enterprise#name(String)} gives it; empty when the
	 * enterprise is not in the registry. For pages that show a name on every request: fewer reads than {@link #find}.
	 */
	default Optional<String> name(EnterpriseNumber number, String language) {
		return find(number).map(enterprise -> enterprise.name(language));
	}

	/** Numbers of the establishment units (2.###.###.###) of an enterprise. */
	List<String> establishmentUnits(EnterpriseNumber number);

	/** Those of the numbers that are in the registry, with one query (bulk publication checks thousands at once). */
	default Set<EnterpriseNumber> existing(Collection<EnterpriseNumber> numbers) {
		var found = new HashSet<EnterpriseNumber>();
		numbers.forEach(number -> find(number).ifPresent(e -> found.add(number)));
		return found;
	}
}
