"""The sentences the calculators say to a user, in Italian and English, side by side.

Kept in one module (not inline in the checks) so both languages are written together and a
test can verify they hold the same keys and placeholders. Keys follow bot/texts naming, so
they can move to bot/texts/{it,en}/funding.yaml unchanged.
"""
from __future__ import annotations

from bot.funding.result import FundingInputError

IT = {
    "funding.loan_years_range":
        "La durata del finanziamento deve essere tra {min_years} e {max_years} anni, "
        "preammortamento compreso.",
    "funding.preamortisation_step":
        "Il preammortamento si indica in multipli di {period_months} mesi, "
        "l'intervallo tra una rata e l'altra.",
    "funding.preamortisation_cap":
        "Il preammortamento può durare al massimo {max_months} mesi.",
    "funding.preamortisation_within_duration":
        "Il preammortamento ({months} mesi) deve essere più breve dell'intera durata "
        "del finanziamento ({years} anni): dopo restano da pagare le rate.",
}

EN = {
    "funding.loan_years_range":
        "The loan must last between {min_years} and {max_years} years, "
        "pre-amortisation included.",
    "funding.preamortisation_step":
        "Pre-amortisation is given in multiples of {period_months} months, "
        "the interval between two payments.",
    "funding.preamortisation_cap":
        "Pre-amortisation can last at most {max_months} months.",
    "funding.preamortisation_within_duration":
        "Pre-amortisation ({months} months) must be shorter than the whole loan "
        "({years} years): the instalments still have to follow it.",
}


def input_error(field: str, key: str, **values) -> FundingInputError:
    return FundingInputError(field, IT[key].format(**values), EN[key].format(**values))
