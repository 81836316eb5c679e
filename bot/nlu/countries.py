"""Country names in Italian and English, from pycountry's ISO 3166 data and its Italian translation.

pycountry gives the official, common and short names in English, and its bundled gettext
catalogue the Italian ones ("Germania", "Stati Uniti d'America"). People also write short forms
the standard does not list ("USA", "Emirati", "Inghilterra", "Olanda"): those are below, and
only those. A name that is also a common word ("Mali" is "evils", "Turkey" a bird) counts only
when capitalised; an acronym ("USA", "UK") only in capitals.
"""
from __future__ import annotations

import functools
import gettext
import re

# Short forms people use, by ISO 3166 alpha-2 code.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("USA", "U.S.A.", "US", "U.S.", "America", "Stati Uniti", "States", "Usa"),
    "GB": ("UK", "U.K.", "Gran Bretagna", "Great Britain", "Britain", "Inghilterra", "England", "Regno Unito",
           "Scozia", "Scotland", "Galles", "Wales"),
    "AE": ("Emirati", "Emirati Arabi", "EAU", "UAE", "Emirates", "Dubai", "Abu Dhabi"),
    "NL": ("Olanda", "Holland", "Paesi Bassi", "Netherlands"),
    "KR": ("Corea", "Korea", "Corea del Sud", "South Korea"),
    "CZ": ("Repubblica Ceca", "Czech Republic"),
    "RU": ("Russia",),
    "TR": ("Turchia", "Turkey"),
    "CN": ("Cina", "China"),
    "TW": ("Taiwan",),
    "VN": ("Vietnam",),
    "SA": ("Arabia Saudita", "Saudi Arabia", "Arabia"),
    "MK": ("Macedonia",),
    "BA": ("Bosnia",),
    "CD": ("Congo",),
    "CI": ("Costa d'Avorio", "Ivory Coast"),
}
# Names that are also ordinary words in Italian or English: only capitalised ("in Mali", not "i mali").
NEEDS_CAPITAL = {"mali", "chad", "ciad", "turkey", "jersey", "guinea", "georgia", "niger", "togo", "china",
                 "oman", "peru", "chile", "cuba", "grenada", "jordan", "iran", "india", "panama", "nauru",
                 "tonga", "samoa", "malta", "capo verde", "america", "arabia", "states", "britain", "holland"}
# Acronyms that are words in lower case ("us", "uk" is not, but "eau" is French water): capitals only.
ACRONYMS = {"usa", "us", "u.s.", "u.s.a.", "uk", "u.k.", "uae", "eau"}
# "Monaco" is Munich in Italian: a country only as "Principato di Monaco" (from the ISO names).
AMBIGUOUS = {"monaco"}


def _clean(name: str) -> list[str]:
    # "Korea, Republic of" is how the standard files it, not how anyone writes it.
    return [] if "," in name else [name]


@functools.cache
def names() -> dict[str, str]:
    """Every name we recognise -> alpha-2 code."""
    import pycountry

    italian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"], fallback=True)
    found: dict[str, str] = {}
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        for name in filter(None, english):
            for written in _clean(name) + _clean(italian.gettext(name)):
                found.setdefault(written, country.alpha_2)
    for code, short in SHORT_FORMS.items():
        for name in short:
            found[name] = code
    return {name: code for name, code in found.items() if name.casefold() not in AMBIGUOUS}


def lookup_entries() -> list[tuple[str, str, str]]:
    return [("country", code, name) for name, code in names().items()]


def written_as_a_name(typed: str) -> bool:
    """Whether the words as typed may be the country: acronyms in capitals, word-like names capitalised."""
    key = re.sub(r"\s+", " ", typed.strip()).casefold()
    if key in ACRONYMS:
        return typed.isupper()
    if key in NEEDS_CAPITAL:
        return typed[:1].isupper()
    return True
