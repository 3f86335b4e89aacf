package be.ebox.registry;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the enterprise registry. */
public interface EnterpriseRegistry {

	Optional<Enterprise> find(EnterpriseNumber number);

	/** Numbers of the establishment units (2.###.###.###) of an enterprise. */
	List<String> establishmentUnits(EnterpriseNumber number);
}
