"""The words, Italian and English, that say what a number is about.

Patterns match lowercase words (bot.nlu.text.lowered), accents kept; stems cover inflections
("fatturato", "fatturiamo"; "esportato", "esportazioni"). The roles are those of the entity
contract (issue 3): the dialogue maps each to a fact of the profile.
"""
from __future__ import annotations

import re

# An amount's role, from the nearest of these words in the same clause.
AMOUNT_ROLES: dict[str, str] = {
    "turnover": r"fattur\w*|ricav\w*|turnover|revenues?|sales|vendite|volume",
    "balance_sheet": r"bilancio|attivo|balance",
    "investment": r"invest\w*|progett\w*|projects?",
    "consultancy": r"consulen\w*|consult\w*",
    "initiatives": r"iniziativ\w*|initiatives?|marketing|promozion\w*|promotion\w*|promozional\w*",
    "training": r"formazion\w*|formativ\w*|training",
    "fair_expenses": r"fier[ae]|fieristic\w*|stand|fairs?",
    "export_value": r"export\w*|esport\w*|estero|abroad|foreign",
}
# Words for spending in general: an investment, unless a word in the window says what it is for
# ("una spesa di 20.000 € per la fiera" is a fair expense).
GENERIC_SPENDING = r"spes[ae]|spend\w*|budget|cost[io]|costs?"
# When two cues are as near, the specific cost beats the project it is part of.
ROLE_PREFERENCE = ("consultancy", "initiatives", "training", "fair_expenses", "export_value", "turnover", "balance_sheet",
                   "investment")

EXPORT = r"export\w*|esport\w*|ester[oia]|abroad|foreign|overseas"
# Saying the firm does not export: an export share of zero. A "non so quanto esportiamo" is no
# such statement, so only "ancora"/"yet" may stand between the negation and the verb.
NO_EXPORTS = (
    r"\b(?:non|not|don'?t|do\s+not|doesn'?t|does\s+not|never|mai)\s+(?:ancora\s+|yet\s+|still\s+|currently\s+)?"
    r"(?:esport\w*|export\w*|vendiamo\s+all'?\s?estero|sell\s+abroad)\b"
    r"|\b(?:non|not|don'?t|do\s+not|doesn'?t)\s+(?:abbiamo|hanno|have|has|facciamo|do)\s+(?:\w+\s+)?(?:export\w*|esportazion\w*)\b"
    r"|\b(?:nessun[ao]?|niente|zero|no)\s+(?:export\w*|esportazion\w*|vendit\w+\s+all'?\s?estero|foreign\s+sales|sales\s+abroad)\b"
    r"|\b(?:vendiamo|sell|selling|lavoriamo|work)\s+(?:solo|only|soltanto)\s+(?:in\s+italia|in\s+italy|domestically|on\s+the\s+italian\s+market|sul\s+mercato\s+italiano)\b"
    r"|\b(?:only|solo|soltanto)\s+(?:sell\s+|vendiamo\s+)?(?:in\s+italy|in\s+italia|the\s+italian\s+market|il\s+mercato\s+italiano|mercato\s+interno|domestic\s+market)\b"
)

# What follows a count: "25 dipendenti", "6 anni", "24 metri quadri", "due fiere".
_EMPLOYEE_NOUNS = (
    r"dipendent[ei]|addett[io]|lavorator[ei]|persone|collaborator[ei]|impiegat[ie]|"
    r"employees?|people|persons|staff|workers?|fte|ula|headcount"
)
# Up to two words may stand between a count and its noun ("25 full-time employees", "3 trade
# fairs"), but not a conjunction: in "2 soci e 8 dipendenti" the 2 are partners.
_BETWEEN = r"(?:(?!(?:e|ed|and|o|or|ma|but|di|of)\b)[^\W\d_][\w-]*\s+)"
UNITS: dict[str, str] = {
    "employees": rf"{_BETWEEN}{{0,2}}?(?:{_EMPLOYEE_NOUNS})\b",
    "years": r"(?:ann[io]|years?|yrs?)\b",
    "months": r"(?:mes[ei]|months?)\b",
    "sqm": (
        r"(?:metri\s+quadr(?:at)?[ie]|metri\s+q\b\.?|mq\b|m2\b|m\u00b2|sqm\b|sq\.?\s?m\b\.?|"
        r"square\s+met(?:re|er)s?\b)"
    ),
    "fairs_count": rf"{_BETWEEN}?(?:fier[ae]|fairs?|manifestazioni\s+fieristiche)\b",
    "balance_sheets": (
        rf"{_BETWEEN}?(?:bilanci|bilancio|balance[\s-]+sheets?|sets?\s+of\s+(?:annual\s+)?accounts|accounts|"
        r"dichiarazioni(?:\s+dei\s+redditi)?|tax\s+returns?|esercizi\s+chiusi|financial\s+statements?)\b"
    ),
}
# "niente formazione", "no consultancy", "nothing for training": zero spent on that line.
NO_SPENDING = (
    r"\b(?:niente|nulla|nessuna|zero|senza|no|nothing\s+(?:for|on))\s+(?:spes[ae]\s+(?:di|per|in)\s+)?"
    r"(formazione|consulenz\w*|training|consultancy|consulting)\b"
)
# "una sola fiera", "a single fair": one fair, with no digit or number word to count.
SINGLE_FAIR = (
    r"\b(?:una\s+sola|solo\s+una|soltanto\s+una|un['\u2019]\s*unica|una\s+unica|a\s+single|only\s+one|just\s+one|"
    r"one\s+single)\s+(?:fiera|fair|manifestazione(?:\s+fieristica)?|trade\s+fair|show)\b"
)
# "no balance sheet approved yet", "nessun bilancio": none approved.
NO_BALANCE_SHEETS = (
    r"\b(?:no|nessun|nessuno|zero|non\s+abbiamo(?:\s+ancora)?|don'?t\s+have\s+(?:any\s+)?)\s*"
    r"(?:bilanci?o?|balance[\s-]+sheets?|approved\s+(?:balance[\s-]+sheets?|accounts)|annual\s+accounts)\b"
)
# Before a bare count, these make it the number of approved balance sheets: "bilanci approvati: 4".
BALANCE_SHEETS_BEFORE = (
    r"(?:\bbilanci(?:\s+approvati|\s+depositati)?|\bbalance\s+sheets|\baccounts|\bne\s+abbiamo\s+approvat[io]|"
    r"\bne\s+abbiamo\s+depositat[io])\s*(?::|=|sono|are|were|erano)?\s*$"
)
# Before a bare count, these make it a headcount: "siamo in 25", "i dipendenti sono 60", "we are 25".
EMPLOYEES_BEFORE = (
    rf"(?:\bsiamo(?:\s+in)?|\bwe\s+are|\bwe're|\bheadcount(?:\s+(?:of|is|was))?|\borganico(?:\s+di)?|"
    rf"\bemploy(?:s|ing)?|\bimpieghiamo|\boccupiamo|\bsono\s+in|\bteam\s+of|\bsquadra\s+di|"
    rf"\b(?:{_EMPLOYEE_NOUNS})(?:\s+(?:sono|erano|are|were|is|was|di|of|pari\s+a))?)"
    r"\s*[:=]?\s*(?:circa|about|around|quasi|almost|oltre|over|solo|only|)\s*$"
)
# Before a four-digit number, these make it a year: "nel 2024", "since 2019", "anno 2023".
YEAR_BEFORE = (
    r"(?:\bnel|\bdel|\bdal|\bal|\bil|\bdall'|\bnell'|\banno|\byear|\bin|\bsince|\bfrom|\buntil|\bentro\s+il|"
    r"\bentro|\bfino\s+al|\bby|\bduring|\bdurante\s+il|\bfor)\s*$"
)
YEARS_RANGE = (1950, 2100)

# Shares written as fractions: "un terzo", "a third", "metà", "half".
FRACTIONS: tuple[tuple[str, str], ...] = (
    (r"\b(?:un|a|one)\s+(?:terzo|third)\b", "33.33"),
    (r"\b(?:due|two)\s+(?:terzi|thirds)\b", "66.67"),
    (r"\b(?:un|a|one)\s+(?:quarto|quarter)\b", "25"),
    (r"\b(?:tre|three)\s+(?:quarti|quarters)\b", "75"),
    (r"(?<!\ba\s)(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bprima\s)(?<!\bseconda\s)\b(?:met(?:à|a')|half)(?!\w)", "50"),
)
# A fraction is a share only when it is of something ("un terzo del fatturato") or ends the clause.
FRACTION_AFTER = r"\s+(?:del|della|dello|dei|delle|di|of|our|the|in)\b|\s*(?:[,;.!?)]|$)"

EXHIBITOR: dict[str, str] = {
    "new": (
        r"\bnuov[oia]\s+espositor\w*|\bnew\s+exhibitor\w*|\bfirst[\s-]+time\s+exhibit\w*|"
        r"\bexhibit\w*\s+for\s+the\s+first\s+time|\bnever\s+exhibited|\b(?:esporre|espon\w*|esposto)\s+per\s+la\s+prima\s+volta|"
        r"\bprima\s+volta\s+(?:che\s+)?(?:espon\w*|in\s+fiera)|\bmai\s+espost\w*|\bprima\s+partecipazione"
    ),
    "frequent": (
        r"\bespositor\w*\s+(?:abitual\w*|frequent\w*|storic\w*|regolar\w*)|\bespon\w*\s+(?:da\s+anni|regolarmente|ogni\s+anno|abitualmente)|"
        r"\bgi(?:à|a')?\s+espost\w*|\b(?:frequent|regular|returning|repeat)\s+exhibitor\w*|\bexhibited\s+(?:there\s+)?(?:before|many\s+times|every\s+year)|"
        r"\balready\s+exhibited|\bexhibit\s+every\s+year"
    ),
    # the third answer to "new or frequent exhibitor?", typed rather than pressed
    "none": (
        r"\bnon\s+(?:partecip\w*|facciamo|faccio|andiamo|vado|espon\w*|espong\w*)\s+(?:mai\s+)?(?:a\s+|alle\s+|ad\s+|in\s+)?fier[ae]\b|"
        r"\bnessuna\s+fiera\b|\bniente\s+fiere\b|\bno\s+fairs?\b|"
        r"\b(?:we|i)\s+(?:don't|do\s+not|never)\s+(?:do|attend|exhibit\s+at|go\s+to|take\s+part\s+in)\s+(?:any\s+)?(?:trade\s+)?fairs?\b"
    ),
}

# Words that end a clause: a cue does not reach a number across them.
CLAUSE_WORDS = {"e", "ed", "and", "ma", "but", "mentre", "while", "poi", "then", "oppure", "or", "o"}
CLAUSE_MARKS = set(",;.!?()[]\n")

ROLE_WINDOW = 5  # words between a number and the cue that names it
SHARE_WINDOW = 8  # the same for a percentage, whose clause may describe the exports at length


def compiled(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})")


# Comuni whose names are also everyday Italian or English words ("Opera", "Fondi", "Mese",
# "Calcio", "Sale") or products ("gorgonzola", "barolo"), picked from the register's one-word names. Such a name is a place only
# when written as one (capitalised mid-sentence, after "sono di", "sede a"...) or as the whole
# answer (bot.nlu.places). spaCy's stop words and number words ("Cento", "Nove") are added there.
ORDINARY_WORDS = frozenset("""
    adro ala alba albi alia alto amaro amato ameno anzi arco archi arena asso augusta bard barbara bee bella
    bianco bianchi bomba bono bore bra bruno busca busso calci calcio calco camino campagna campana canale
    candela candida canna cardinale carbone carro casella casina castelli castro cave cavour cerchio
    cervo cesa chiusa cittadella civita colonna comunanza cona contrada cori cozzo crema diamante
    dolce dolo donato dorio elice erba este falcone fallo fano fermo ferla ferno fondi fonte force fornace
    fortezza fossa front gaby genga ginestra giove girasole grado greci grosso grotte incudine lago
    laghi lana lavagna lenta lettere liberi limina loreto lupara lustra macello magenta malo mango manta
    margarita marino marta martello masi massa medicina mele melle mese meta mezzana mezzano mira
    miranda mirto montale monti mori mossa mura nave noci nomi norma noto novella novello onore
    opera ora oria paese palata palmi parenti parete patti pelago penne pergola pero perito pesche
    piatto pico pila pisano piscina pizzo polla ponte ponti porte portici posta potenza prato quadri
    quarto rabbi rose rossa rotonda sacco sale salve sambuco scala scena scopa serre serrata sesto settime
    sigillo signa soave soglio sommo sona sora sospiro sostegno spessa spinoso stella storo stra taverna
    terrazzo terzo tito tornata torno toro torretta tramonti travagliato trinita tufo ultimo urbe vasto
    viale vinci viola vita vittoria zone
    asiago barbaresco bardolino barolo brunello castelmagno gorgonzola marsala montepulciano taleggio
""".split())
