"""Standard codes a model knows by heart: countries (ISO 3166), US states, languages (ISO 639-1).

A parameter described as "ISO 3166 two-letter code", "two-letter state code" or a language enum of
``["en", "de", "fr"]`` gets the code of the name the text gives ("Ireland" -> "IE", "Texas" -> "TX",
"English" -> "en"). :func:`code_for` picks the table from the field's description and values.
"""
from __future__ import annotations

COUNTRY_CODES = {
    "afghanistan": "AF", "albania": "AL", "algeria": "DZ", "argentina": "AR", "armenia": "AM", "australia": "AU",
    "austria": "AT", "azerbaijan": "AZ", "bangladesh": "BD", "belarus": "BY", "belgium": "BE", "bolivia": "BO",
    "bosnia": "BA", "brazil": "BR", "bulgaria": "BG", "cambodia": "KH", "cameroon": "CM", "canada": "CA",
    "chile": "CL", "china": "CN", "colombia": "CO", "costa rica": "CR", "croatia": "HR", "cuba": "CU",
    "cyprus": "CY", "czechia": "CZ", "czech republic": "CZ", "denmark": "DK", "ecuador": "EC", "egypt": "EG",
    "estonia": "EE", "ethiopia": "ET", "finland": "FI", "france": "FR", "georgia": "GE", "germany": "DE",
    "ghana": "GH", "greece": "GR", "guatemala": "GT", "hungary": "HU", "iceland": "IS", "india": "IN",
    "indonesia": "ID", "iran": "IR", "iraq": "IQ", "ireland": "IE", "israel": "IL", "italy": "IT", "jamaica": "JM",
    "japan": "JP", "jordan": "JO", "kazakhstan": "KZ", "kenya": "KE", "korea": "KR", "south korea": "KR",
    "latvia": "LV", "lebanon": "LB", "lithuania": "LT", "luxembourg": "LU", "malaysia": "MY", "malta": "MT",
    "mexico": "MX", "moldova": "MD", "mongolia": "MN", "morocco": "MA", "nepal": "NP", "netherlands": "NL",
    "new zealand": "NZ", "nigeria": "NG", "norway": "NO", "pakistan": "PK", "panama": "PA", "paraguay": "PY",
    "peru": "PE", "philippines": "PH", "poland": "PL", "portugal": "PT", "qatar": "QA", "romania": "RO",
    "russia": "RU", "rwanda": "RW", "saudi arabia": "SA", "senegal": "SN", "serbia": "RS", "singapore": "SG",
    "slovakia": "SK", "slovenia": "SI", "south africa": "ZA", "spain": "ES", "sri lanka": "LK", "sweden": "SE",
    "switzerland": "CH", "taiwan": "TW", "tanzania": "TZ", "thailand": "TH", "tunisia": "TN", "turkey": "TR",
    "uganda": "UG", "ukraine": "UA", "united arab emirates": "AE", "uae": "AE", "united kingdom": "GB",
    "uk": "GB", "britain": "GB", "great britain": "GB", "united states": "US", "usa": "US", "america": "US",
    "uruguay": "UY", "uzbekistan": "UZ", "venezuela": "VE", "vietnam": "VN", "zambia": "ZM", "zimbabwe": "ZW",
}
US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY",
}
LANGUAGE_CODES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt",
    "dutch": "nl", "swedish": "sv", "norwegian": "no", "danish": "da", "finnish": "fi", "polish": "pl",
    "czech": "cs", "greek": "el", "turkish": "tr", "russian": "ru", "ukrainian": "uk", "arabic": "ar",
    "hebrew": "he", "hindi": "hi", "chinese": "zh", "japanese": "ja", "korean": "ko", "vietnamese": "vi",
    "thai": "th", "indonesian": "id", "hungarian": "hu", "romanian": "ro",
}
#: What people call a country's citizens, for "Indian citizens", "a Brazilian passport".
DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "canadian": "Canada", "mexican": "Mexico",
    "brazilian": "Brazil", "argentinian": "Argentina", "german": "Germany", "french": "France",
    "spanish": "Spain", "italian": "Italy", "portuguese": "Portugal", "dutch": "Netherlands", "irish": "Ireland",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "polish": "Poland",
    "greek": "Greece", "turkish": "Turkey", "russian": "Russia", "ukrainian": "Ukraine", "indian": "India",
    "chinese": "China", "japanese": "Japan", "korean": "South Korea", "australian": "Australia",
    "nigerian": "Nigeria", "kenyan": "Kenya", "egyptian": "Egypt", "south african": "South Africa",
    "swiss": "Switzerland", "austrian": "Austria", "belgian": "Belgium", "thai": "Thailand",
    "vietnamese": "Vietnam", "filipino": "Philippines", "pakistani": "Pakistan", "moroccan": "Morocco",
}


def table_for(description: str, values=()) -> dict[str, str]:
    """The table a field's description or allowed values point to ({} when none does)."""
    low = description.lower()
    values = {str(v) for v in values}
    if "state" in low and ("code" in low or "two-letter" in low or "abbreviation" in low):
        return US_STATES
    if "3166" in low or "country code" in low or ("country" in low and ("code" in low or "two-letter" in low)):
        return COUNTRY_CODES
    if "639" in low or "language code" in low or values and values <= set(LANGUAGE_CODES.values()):
        return LANGUAGE_CODES
    return {}


def code_for(name: str, table: dict[str, str]) -> str | None:
    return table.get(name.lower().strip(" .")) if table else None
