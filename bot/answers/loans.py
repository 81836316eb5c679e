"""Answers about a call's subsidised loan: the rate, how long it lasts, the pre-amortisation and
how it is repaid. A call without a loan says so (its aid is a grant)."""
from __future__ import annotations

import datetime as dt

from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, frequency
from bot.fmt import month


def _rate_lines(say: Say, call) -> list[str]:
    """The rate; when it is a share of the EU reference rate, the share and when its value was read
    (the reference rate changes every month, so a bare figure would mislead)."""
    terms = call.loan
    basis = terms.get("rate_basis")
    if not basis:
        return [say("loan.rate", call=say.title(call), rate=say.rate(terms["rate_pct"]))]
    read_on = str(basis["read_on"])
    when = say.date(dt.date.fromisoformat(read_on)) if len(read_on) == 10 else month(say.lang, read_on)
    lines = [say("loan.rate_reference", call=say.title(call), share=say.the(basis["share_pct"]),
                 rate=say.rate(terms["rate_pct"]), when=when)]
    options = basis.get("share_options_pct")
    if options and len(options) > 1:
        lines.append(say("loan.rate_options", options=say.listing(say.percent(o) for o in options)))
    if basis.get("note"):
        lines.append(say.text(basis["note"]))
    return lines


def _duration(say: Say, terms) -> str:
    """"3 to 6 years" or, when the call fixes it, "4 years"."""
    if terms["min_years"] == terms["max_years"]:
        return say("loan.years_fixed", years=terms["max_years"])
    return say("loan.years_range", min_years=terms["min_years"], max_years=terms["max_years"])


def _preamortisation(say: Say, terms, bare: bool = False) -> str:
    """"a pre-amortisation of 24 months" (fixed), "of 6 to 24", "of at most 24"; `bare` without
    the article, for the list of terms."""
    low, high = terms.get("min_preamortisation_months", 0), terms["max_preamortisation_months"]
    prefix = "loan.pre_bare" if bare else "loan.pre"
    if low == high:
        return say(f"{prefix}.fixed", months=high)
    if low:
        return say(f"{prefix}.range", min_months=low, max_months=high)
    return say(f"{prefix}.at_most", max_months=high)


def _method(say: Say, terms) -> str:
    return say("loan.equal_capital" if terms.get("amortisation") == "equal_capital" else "loan.french")


def _no_loan(ask: Ask) -> Reply | None:
    say, call = ask.say, ask.call()
    if call.loan:
        return None
    summary = say.text(call.funding["summary"]) if call.funding.get("summary") else None
    params = call.funding.get("params") or {}
    if call.funding["model"] == "none" or params.get("kind") == "loan":
        lead = "loan.terms_from_summary" if summary and params.get("kind") == "loan" else "loan.terms_unknown"
        return reply([say(lead, call=say.title(call)), summary, say("check_official")])
    return reply([say("loan.none", call=say.title(call)), summary])


def interest_rate(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    return reply([*_rate_lines(say, call), say.text(terms["note"]) if terms.get("note") else None])


def loan_duration(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    return reply([say("loan.duration_of", call=say.title(call), years=_duration(say, terms),
                      preamortisation=_preamortisation(say, terms)),
                  say("loan.repaid", frequency=frequency(say, terms["payments_per_year"])), _method(say, terms)])


def preamortisation(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    fixed_or_ranged = terms.get("min_preamortisation_months", 0) > 0
    lead = (say("loan.preamortisation_of", call=say.title(call), preamortisation=_preamortisation(say, terms))
            if fixed_or_ranged else
            say("loan.preamortisation", call=say.title(call), max_months=terms["max_preamortisation_months"]))
    lines = [lead,
             say.text(terms["note"]) if terms.get("note") else None,
             say("loan.preamortisation_what")]
    return reply(lines)


def repayment(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    return reply([say("loan.frequency_answer", call=say.title(call), frequency=frequency(say, terms["payments_per_year"])),
                  say("loan.terms_of", rate=say.rate(terms["rate_pct"]), years=_duration(say, terms),
                      preamortisation=_preamortisation(say, terms, bare=True), frequency=frequency(say, terms["payments_per_year"])),
                  *(_rate_lines(say, call)[1:2] if terms.get("rate_basis") else []),
                  _method(say, terms)])
