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


DEMONYMS_FILE = __import__("pathlib").Path(__file__).with_name("demonyms.yaml")
# A demonym names a market only next to one of these words ("mercato tedesco", "German customers").
_MARKET_WORDS = re.compile(
    r"\b(?:mercat[oi]|market|markets|clienti|cliente|clientela|client[is]?|customers?|buyers?|acquirenti|"
    r"distributor[ei]|distributors?|importator[ei]|importers?|consumator[ei]|consumers?|partner|fiera|fiere|fair|"
    r"paese|paesi|country|countries|territorio|rete|network|negozi|shops?|stores?|filiale|branch|sede|office)\b")
_WINDOW = 3  # words between a demonym and its market word


@functools.cache
def _demonyms() -> tuple[tuple[re.Pattern, str], ...]:
    import yaml

    data = yaml.safe_load(DEMONYMS_FILE.read_text(encoding="utf-8"))["demonyms"]
    patterns = []
    for code, by_lang in data.items():
        words = sorted({w for forms in by_lang.values() for w in forms}, key=len, reverse=True)
        patterns.append((re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"), code))
    return tuple(patterns)


def demonym_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) for each "mercato tedesco" / "German customers" in the text."""
    from bot.nlu.text import folded

    low = folded(text)
    found = []
    for pattern, code in _demonyms():
        for match in pattern.finditer(low):
            before = " ".join(low[:match.start()].split()[-_WINDOW:])
            after = " ".join(low[match.end():].split()[:_WINDOW])
            if _MARKET_WORDS.search(before) or _MARKET_WORDS.search(after):
                found.append((match.start(), match.end(), code))
    return found
