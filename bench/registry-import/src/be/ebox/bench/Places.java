package be.ebox.bench;

import java.util.SplittableRandom;

/**
 * Belgian (and a few foreign) addresses: streets in both languages in Brussels, in the region's language elsewhere
 * (the other street field an empty quoted string); municipalities always in both languages.
 */
final class Places {

	record Place(String countryNl, String countryFr, String zipcode, String municipalityNl, String municipalityFr,
			String streetNl, String streetFr) {
	}

	/** zip, Dutch name, French name. */
	private static final String[][] BRUSSELS = { { "1000", "Brussel", "Bruxelles" }, { "1050", "Elsene", "Ixelles" },
			{ "1060", "Sint-Gillis", "Saint-Gilles" }, { "1080", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean" },
			{ "1030", "Schaarbeek", "Schaerbeek" }, { "1180", "Ukkel", "Uccle" },
			{ "1200", "Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert" }, { "1040", "Etterbeek", "Etterbeek" },
			{ "1070", "Anderlecht", "Anderlecht" }, { "1190", "Vorst", "Forest" }, { "1140", "Evere", "Evere" } };

	private static final String[][] FLANDERS = { { "9000", "Gent", "Gand" }, { "2000", "Antwerpen", "Anvers" },
			{ "3000", "Leuven", "Louvain" }, { "8000", "Brugge", "Bruges" }, { "2800", "Mechelen", "Malines" },
			{ "8500", "Kortrijk", "Courtrai" }, { "3500", "Hasselt", "Hasselt" }, { "9300", "Aalst", "Alost" },
			{ "9100", "Sint-Niklaas", "Saint-Nicolas" }, { "8400", "Oostende", "Ostende" }, { "3600", "Genk", "Genk" },
			{ "8800", "Roeselare", "Roulers" }, { "8900", "Ieper", "Ypres" }, { "3700", "Tongeren", "Tongres" },
			{ "9200", "Dendermonde", "Termonde" }, { "2300", "Turnhout", "Turnhout" }, { "2500", "Lier", "Lierre" },
			{ "1930", "Zaventem", "Zaventem" }, { "1800", "Vilvoorde", "Vilvorde" }, { "9700", "Oudenaarde", "Audenarde" },
			{ "2018", "Antwerpen", "Anvers" }, { "9050", "Gentbrugge", "Gentbrugge" }, { "3290", "Diest", "Diest" } };

	private static final String[][] WALLONIA = { { "4000", "Luik", "Liège" }, { "5000", "Namen", "Namur" },
			{ "6000", "Charleroi", "Charleroi" }, { "7000", "Bergen", "Mons" }, { "1300", "Waver", "Wavre" },
			{ "1348", "Ottignies-Louvain-la-Neuve", "Ottignies-Louvain-la-Neuve" }, { "4800", "Verviers", "Verviers" },
			{ "7500", "Doornik", "Tournai" }, { "6700", "Aarlen", "Arlon" }, { "1400", "Nijvel", "Nivelles" },
			{ "5500", "Dinant", "Dinant" }, { "4500", "Hoei", "Huy" }, { "6900", "Marche-en-Famenne", "Marche-en-Famenne" },
			{ "7700", "Moeskroen", "Mouscron" }, { "4020", "Luik", "Liège" } };

	private static final String[][] EAST = { { "4700", "Eupen", "Eupen" }, { "4780", "Sankt Vith", "Saint-Vith" },
			{ "4730", "Raeren", "Raeren" } };

	private static final String[][] BRUSSELS_STREETS = { { "Eikstraat", "Rue du Chêne" }, { "Wetstraat", "Rue de la Loi" },
			{ "Nieuwstraat", "Rue Neuve" }, { "Louizalaan", "Avenue Louise" }, { "Kunstlaan", "Avenue des Arts" },
			{ "Koningsstraat", "Rue Royale" }, { "Hoogstraat", "Rue Haute" }, { "Zuidlaan", "Boulevard du Midi" },
			{ "Kerkstraat", "Rue de l'Église" }, { "Stationsstraat", "Rue de la Gare" }, { "Molenstraat", "Rue du Moulin" },
			{ "Bergstraat", "Rue de la Montagne" }, { "Elsensesteenweg", "Chaussée d'Ixelles" },
			{ "Waversesteenweg", "Chaussée de Wavre" }, { "Brugmannlaan", "Avenue Brugmann" },
			{ "Sint-Katelijneplein", "Place Sainte-Catherine" }, { "Hélène Dutrieulaan", "Avenue Hélène Dutrieu" },
			{ "Émile Jacqmainlaan", "Boulevard Émile Jacqmain" }, { "Generaal Jacqueslaan", "Boulevard Général Jacques" } };

	private static final String[] NL_STEMS = { "Kerk", "Molen", "Stations", "Dorps", "Beek", "Linden", "Kapel", "Veld",
			"Hoog", "Nieuw", "Berg", "Heide", "Bos", "School", "Kasteel", "Meersen", "Sint-Jans", "Leopold",
			"Koning Albert", "Pater Damiaan", "Ter Kameren", "Jozef Cardijn", "Burgemeester Van Gansberghe" };

	private static final String[] NL_SUFFIXES = { "straat", "straat", "straat", "laan", "weg", "dreef", "plein",
			"steenweg", "lei", "kouter" };

	private static final String[] FR_TYPES = { "Rue", "Rue", "Rue", "Avenue", "Chaussée", "Place", "Boulevard",
			"Chemin", "Allée" };

	private static final String[] FR_NAMES = { "de la Gare", "du Moulin", "de l'Église", "des Écoles", "Léopold",
			"Émile Vandervelde", "du Château", "Saint-Rémy", "des Prés", "de la Station", "Albert Ier", "Général Leman",
			"de Bruxelles", "Pierre Paulus", "du Marché", "Joseph Wauters", "des Déportés", "Grande", "de Fléron",
			"Notre-Dame", "des Combattants", "Reine Astrid" };

	private static final String[] DE_STREETS = { "Hauptstraße", "Kirchstraße", "Bahnhofstraße", "Aachener Straße",
			"Klötzerbahn", "Hütte", "Gospertstraße", "Malmedyer Straße" };

	/** Country NL, country FR, zip, city. */
	private static final String[][] FOREIGN = { { "Frankrijk", "France", "75008", "Paris" },
			{ "Nederland", "Pays-Bas", "4811 AB", "Breda" }, { "Duitsland", "Allemagne", "52062", "Aachen" },
			{ "Luxemburg", "Luxembourg", "L-1611", "Luxembourg" } };

	private Places() {
	}

	/** A place fitting the enterprise's language: Dutch mostly Flanders, French mostly Wallonia, both Brussels. */
	static Place place(SplittableRandom random, int language) {
		int dice = random.nextInt(1000);
		if (dice < 8) {
			String[] foreign = FOREIGN[random.nextInt(FOREIGN.length)];
			String street = foreign[0].equals("Frankrijk") ? "Rue " + pick(random, FR_NAMES)
					: pick(random, DE_STREETS);
			return new Place(foreign[0], foreign[1], foreign[2], foreign[3], foreign[3], street, street);
		}
		int region;
		if (language == 2) {
			region = dice < 830 ? 'F' : 'B';
		}
		else if (language == 1) {
			region = dice < 700 ? 'W' : 'B';
		}
		else if (language == 3) {
			region = 'E';
		}
		else {
			region = dice < 500 ? 'F' : dice < 800 ? 'W' : 'B';
		}
		switch (region) {
			case 'B': {
				String[] city = pick(random, BRUSSELS);
				String[] street = pick(random, BRUSSELS_STREETS);
				return new Place(null, null, city[0], city[1], city[2], street[0], street[1]);
			}
			case 'F': {
				String[] city = pick(random, FLANDERS);
				String stem = pick(random, NL_STEMS);
				String suffix = pick(random, NL_SUFFIXES);
				String street = stem.indexOf(' ') > 0 ? stem + (suffix.equals("straat") ? "straat" : " " + suffix)
						: stem + suffix;
				return new Place(null, null, city[0], city[1], city[2], street, "");
			}
			case 'W': {
				String[] city = pick(random, WALLONIA);
				String street = pick(random, FR_TYPES) + " " + pick(random, FR_NAMES);
				return new Place(null, null, city[0], city[1], city[2], "", street);
			}
			default: {
				String[] city = pick(random, EAST);
				String street = pick(random, DE_STREETS);
				return new Place(null, null, city[0], city[1], city[2], street, street);
			}
		}
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}
}
