package be.ebox.bench;

import java.util.SplittableRandom;

/** Enterprise names of realistic length and spelling (Dutch, French, German; accents, commas, quotes). */
final class Names {

	private static final String[] SURNAMES = { "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
			"Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq",
			"Lefèvre", "François", "Hermans", "Michiels", "Mercier", "Renard", "Lemaire", "Gérard", "Van den Broeck",
			"Vermeulen", "Desmet", "Van Damme", "De Clercq", "Dewaele", "Vandenberghe", "Verhaegen", "Thiry", "Collignon",
			"Deprez", "Noël", "Lejeune", "Depoorter", "Van de Velde", "Crèvecœur", "Bastogné", "Müller", "Schröder",
			"Dierickx", "Verstraeten", "Decoster", "Vanhoutte", "De Backer", "Pâquet", "Léonard", "Fontaine", "Denis",
			"Vandevelde", "Cools", "Smets", "Hendrickx", "Lievens", "Aerts", "Bogaert", "Ben Ahmed", "El Idrissi",
			"Yılmaz", "Kowalski", "Nowak", "Rossi", "Da Silva", "Nguyen" };

	private static final String[] FIRST_NAMES = { "Jan", "Marie", "Luc", "Hélène", "Thérèse", "Benoît", "Raphaël",
			"Zoë", "Noëlle", "Jérôme", "Els", "Koen", "Sofie", "Pieter", "Anaïs", "Frédéric", "Mélanie", "Joëlle", "Stéphane",
			"An", "Wim", "Bart", "Inge", "Geneviève", "Désiré", "Günther", "Ahmed", "Fatima", "Łukasz", "Ana", "Ömer" };

	/** Activity words: Dutch, French, German. */
	private static final String[][] ACTIVITIES = { { "Bakkerij", "Boulangerie", "Bäckerei" },
			{ "Bouwbedrijf", "Entreprise de construction", "Bauunternehmen" }, { "Immo", "Immo", "Immobilien" },
			{ "Transport", "Transports", "Transporte" }, { "Advocatenkantoor", "Cabinet d'avocats", "Anwaltskanzlei" },
			{ "Garage", "Garage", "Autowerkstatt" }, { "Consultancy", "Consulting", "Beratung" },
			{ "Schrijnwerkerij", "Menuiserie", "Schreinerei" }, { "Brouwerij", "Brasserie", "Brauerei" },
			{ "Apotheek", "Pharmacie", "Apotheke" }, { "Tandartspraktijk", "Cabinet dentaire", "Zahnarztpraxis" },
			{ "Elektriciteitswerken", "Électricité générale", "Elektrotechnik" }, { "Dakwerken", "Toitures", "Dachdeckerei" },
			{ "Schilderwerken", "Peinture et décoration", "Malerbetrieb" }, { "Vastgoed", "Immobilière", "Immobilien" },
			{ "Beheer", "Gestion", "Verwaltung" }, { "Handelsonderneming", "Société commerciale", "Handelsgesellschaft" },
			{ "Loodgieterij", "Plomberie", "Sanitär" }, { "Kapsalon", "Salon de coiffure", "Friseursalon" },
			{ "Accountantskantoor", "Fiduciaire", "Buchhaltung" }, { "Tuinaanleg", "Parcs et jardins", "Gartenbau" },
			{ "Slagerij", "Boucherie", "Metzgerei" }, { "Software", "Logiciels", "Software" },
			{ "Medische groepspraktijk", "Centre médical", "Gemeinschaftspraxis" } };

	private static final String[] INVENTED = { "Novatech", "Euro-Lux", "Bel'Art", "Alphaline", "Quadrimmo", "Synergie",
			"Verdi", "Axiom", "Brabo", "Horizon", "Optimus", "Delta Services", "Atelier Léon", "Crème & Co", "Blauwe Vogel",
			"Mosa Trajectum", "Le Cèdre", "Zonnebloem", "Ardennes Évasion", "Schelde", "Kempen Invest", "Meuse & Sambre",
			"Hageland", "Wallonie Énergie", "Noordzee Logistics", "Pajottenland", "Gaume", "Condroz", "Westhoek" };

	private static final String[][] ASSOCIATIONS = {
			{ "Vereniging van Mede-eigenaars Residentie ", "Association des copropriétaires Résidence ", "Eigentümergemeinschaft Residenz " },
			{ "Vriendenkring ", "Cercle des amis de ", "Freundeskreis " },
			{ "Oudercomité Sint-", "Comité de parents Saint-", "Elternrat Sankt " },
			{ "Sportclub ", "Club sportif ", "Sportverein " } };

	private static final String[] RESIDENCES = { "Belle-Vue", "Les Glycines", "Hélios", "Parkzicht", "Zeezicht",
			"Le Méridien", "Den Akker", "Les Tilleuls", "Rozenhof", "Bellevue II", "Astrid", "Élisabeth", "Jozef", "Martinus" };

	private static final String[] FORMS = { "610", "610", "610", "014", "014", "017", "017", "015", "706", "030", "416",
			"011", "012", "008", "020", "027", "325", "612" };

	private static final String[][] TRADE = { { "'t Hoekske", "Le Petit Coin", "Das Eckchen" },
			{ "Frituur Nonkel ", "Friterie chez ", "Imbiss " }, { "Café Den ", "Café Le ", "Gaststätte Zum " },
			{ "Bistro ", "Bistrot ", "Bistro " }, { "Shop ", "Boutique ", "Laden " }, { "Atelier ", "Atelier ", "Werkstatt " } };

	private Names() {
	}

	record Company(String nl, String fr, String de, String abbreviation) {

		String name(int language) {
			return language == 1 ? fr : language == 3 ? de : nl;
		}
	}

	/** KBO language code of the main name: 2 Dutch ~55 %, 1 French ~40 %, 3 German ~1 %, 0 unknown ~4 %. */
	static int language(SplittableRandom random) {
		int dice = random.nextInt(100);
		return dice < 55 ? 2 : dice < 95 ? 1 : dice < 96 ? 3 : 0;
	}

	static Company company(SplittableRandom random, boolean naturalPerson) {
		String surname = pick(random, SURNAMES);
		if (naturalPerson) {
			// natural persons are registered under "Surname, First name"
			String name = surname + ", " + pick(random, FIRST_NAMES);
			if (random.nextInt(100) < 20) {
				name = name + " " + pick(random, FIRST_NAMES);
			}
			return new Company(name, name, name, initials(name));
		}
		int kind = random.nextInt(100);
		String nl;
		String fr;
		String de;
		if (kind < 45) {
			String[] activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
			String suffix = random.nextInt(100) < 30 ? " - " + pick(random, SURNAMES) : "";
			nl = activity[0] + " " + surname + (random.nextInt(100) < 10 ? " & Zonen" : "") + suffix;
			fr = activity[1] + " " + surname + (random.nextInt(100) < 10 ? " & Fils" : "") + suffix;
			de = activity[2] + " " + surname + suffix;
		}
		else if (kind < 75) {
			String invented = pick(random, INVENTED);
			String[] activity = random.nextInt(100) < 40 ? pick(random, ACTIVITIES) : null;
			nl = activity == null ? invented : invented + " " + activity[0];
			fr = activity == null ? invented : invented + " " + activity[1];
			de = activity == null ? invented : invented + " " + activity[2];
		}
		else if (kind < 90) {
			String[] association = ASSOCIATIONS[random.nextInt(ASSOCIATIONS.length)];
			String residence = pick(random, RESIDENCES);
			nl = association[0] + residence;
			fr = association[1] + residence;
			de = association[2] + residence;
		}
		else if (kind < 97) {
			nl = surname + " " + pick(random, SURNAMES);
			fr = nl;
			de = nl;
		}
		else {
			// rare long official names and names with quotes, as in the real register
			nl = "Intergemeentelijke Vereniging voor de Ontwikkeling van het Gewest \"" + pick(random, INVENTED)
					+ "\" en omliggende gemeenten";
			fr = "Intercommunale de développement économique de la région \"" + pick(random, INVENTED)
					+ "\" et des communes avoisinantes";
			de = nl;
		}
		return new Company(nl, fr, de, initials(nl));
	}

	static String tradeName(SplittableRandom random, Company company) {
		String[] trade = TRADE[random.nextInt(TRADE.length)];
		String base = trade[random.nextInt(3)];
		return base.endsWith(" ") ? base + pick(random, FIRST_NAMES) : base;
	}

	static String juridicalForm(SplittableRandom random) {
		return pick(random, FORMS);
	}

	private static String initials(String name) {
		StringBuilder out = new StringBuilder(8);
		for (String word : name.split("[ ,'-]+")) {
			if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && out.length() < 8) {
				out.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		return out.length() < 2 ? name : out.toString();
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}
}
