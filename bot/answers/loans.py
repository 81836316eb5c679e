"""Answers about a call's subsidised loan: the rate, how long it lasts, the pre-amortisation and
how it is repaid. A call without a loan says so (its aid is a grant)."""
from __future__ import annotations

from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import frequency


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
    return reply([say("loan.rate", call=say.title(call), rate=say.percent(terms["rate_pct"])),
                  say.text(terms["note"]) if terms.get("note") else None])


def loan_duration(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    return reply([say("loan.duration", call=say.title(call), min_years=terms["min_years"], max_years=terms["max_years"],
                      max_months=terms["max_preamortisation_months"]),
                  say("loan.repaid", frequency=frequency(say, terms["payments_per_year"]))])


def preamortisation(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    missing = _no_loan(ask)
    if missing:
        return missing
    terms = call.loan
    lines = [say("loan.preamortisation", call=say.title(call), max_months=terms["max_preamortisation_months"]),
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
                  say("loan.terms", rate=say.percent(terms["rate_pct"]), min_years=terms["min_years"],
                      max_years=terms["max_years"], max_months=terms["max_preamortisation_months"],
                      frequency=frequency(say, terms["payments_per_year"])),
                  say("loan.french")])
