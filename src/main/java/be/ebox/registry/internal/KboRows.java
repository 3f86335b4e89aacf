package be.ebox.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;

/** The keys of registry rows, for the batches whose rows must have distinct keys. */
final class KboRows {

	private KboRows() {
	}

	/** {@code rows} with one row per key: of a key seen twice, the later line wins, as it does across batches. */
	static List<KboRow> lastPerKey(List<KboRow> rows) {
		Map<Object, KboRow> byKey = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
		for (KboRow row : rows) {
			byKey.put(key(row), row);
		}
		return byKey.size() == rows.size() ? rows : new ArrayList<>(byKey.values());
	}

	private static Object key(KboRow row) {
		if (row instanceof EnterpriseRow r) {
			return r.enterpriseNumber();
		}
		if (row instanceof EstablishmentRow r) {
			return r.establishmentNumber();
		}
		if (row instanceof DenominationRow r) {
			return List.of(r.entityNumber(), r.typeOfDenomination(), r.language(), r.denomination());
		}
		if (row instanceof AddressRow r) {
			return List.of(r.entityNumber(), r.typeOfAddress());
		}
		return row;
	}
}
