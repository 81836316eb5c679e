"""Wording shared by every answer: sentences from bot/texts/*/answers.yaml, numbers and dates
through bot.fmt, a call's status in words, and the aid figures as compact lines.

`Say(lang)` binds the language once, so the answer modules read like the sentences they build.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from bot import fmt, texts
from bot.catalogue import Call
from bot.catalogue.subjects import Subject
from bot.funding import Funding, LoanPlan
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING, CallStatus, call_status


# Italian article forms before a number, plain and elided, by the preposition they join.
_ARTICLES = {"": ("il ", "l'"), "a": ("al ", "all'"), "di": ("del ", "dell'"), "da": ("dal ", "dall'"),
             "su": ("sul ", "sull'"), "in": ("nel ", "nell'")}


class Say:
    def __init__(self, lang: str):
        self.lang = lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE

    def __call__(self, key: str, **values: Any) -> str:
        return texts.t(self.lang, f"answers.{key}", **values)

    def has(self, key: str) -> bool:
        return f"answers.{key}" in texts.catalogue(self.lang)

    def plural(self, key: str, count, **values: Any) -> str:
        """answers.<key>.one / .other for `count` (bot.texts.tn)."""
        return texts.tn(self.lang, f"answers.{key}", count, **values)

    def engine(self, key: str, **values: Any) -> str:
        """A sentence the engine owns (bot/texts/*/rules.yaml), e.g. fact labels and verdicts."""
        return texts.t(self.lang, key, **values)

    def money(self, value) -> str:
        return fmt.money(self.lang, value)

    def percent(self, value) -> str:
        return fmt.percent(self.lang, value)

    def the(self, value, prep: str = "") -> str:
        """A percentage with the Italian article it takes ("il 20%", "l'85%", "all'80%", "del 50%");
        in English the percentage alone (the sentence carries its own words)."""
        shown = self.percent(value)
        if self.lang != "it":
            return shown
        whole = shown.split(",")[0].replace(".", "")
        vowel = whole.startswith("8") or whole in ("1", "11")
        plain, elided = _ARTICLES[prep]
        return f"{elided}{shown}" if vowel else f"{plain}{shown}"

    def rate(self, value) -> str:
        """A rate with the decimals it was published with (0.321%, not 0.32%), up to four."""
        places = max(0, -fmt.to_decimal(value).normalize().as_tuple().exponent)
        return f"{fmt.number(self.lang, value, places=min(places, 4))}%"

    def number(self, value) -> str:
        return fmt.number(self.lang, value)

    def date(self, day: dt.date) -> str:
        return fmt.date(self.lang, day)

    def text(self, both: Mapping[str, str]) -> str:
        """A bilingual text from the data ({"it": ..., "en": ...})."""
        return both.get(self.lang) or both[texts.DEFAULT_LANGUAGE]

    def title(self, call: Call) -> str:
        return self.text(call.title)

    def listing(self, items: Iterable[str]) -> str:
        """"a, b e c" / "a, b and c"."""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return self("list.and", first=", ".join(items[:-1]), last=items[-1])


# --- subjects not tied to a call ------------------------------------------------------------

def figure(say: Say, kind: str, value) -> str:
    return {"money": say.money, "percent": say.percent}.get(kind, say.number)(value)


def subject_lines(say: Say, subject: Subject, with_title: bool = True) -> list[str]:
    """A subject's facts, figures formatted in the language; items as bullets under their fact."""
    values = {name: figure(say, f.kind, f.value) for name, f in subject.figures.items()}
    lines = [say("subject.heading", title=say.text(subject.title))] if with_title else []
    for fact in subject.facts:
        lines.append(say.text(fact.text).format(**values))
        lines += [say("bullet", text=say.text(item).format(**values)) for item in fact.items]
    return lines


# --- a call's status --------------------------------------------------------------------------

def status_of(call: Call, today: dt.date) -> CallStatus:
    return call_status(call, today)


def status_sentence(say: Say, call: Call, status: CallStatus) -> str:
    """Where the call stands today, with its dates and the days left."""
    if status.status == OPEN:
        if call.window["kind"] == "rolling":
            return say("status.open_rolling")
        if status.closes is None:
            return say("status.open_undated")
        if status.days_left == 0:
            return say("status.open_last_day", closes=say.date(status.closes))
        if status.days_left == 1:
            return say("status.open_one_day", closes=say.date(status.closes))
        return say("status.open", closes=say.date(status.closes), days=status.days_left)
    if status.status == UPCOMING:
        return say("status.upcoming", opens=say.date(status.opens), days=status.days_to_open)
    if status.status == ANNOUNCED:
        return say("status.announced")
    if status.closes is None:
        return say("status.closed_undated")
    return say("status.closed", closes=say.date(status.closes))


def status_short(say: Say, call: Call, status: CallStatus) -> str:
    """A few words for one line of a list: "aperto fino al 9 settembre 2025"."""
    if status.status == OPEN:
        return say("short.open", closes=say.date(status.closes)) if status.closes else say("short.open_undated")
    if status.status == UPCOMING:
        return say("short.upcoming", opens=say.date(status.opens))
    if status.status == ANNOUNCED:
        return say("short.announced")
    return say("short.closed", closes=say.date(status.closes)) if status.closes else say("short.closed_undated")


def window_lines(say: Say, call: Call, status: CallStatus) -> list[str]:
    """The window's note while it matters, and what is known of a next edition once closed."""
    lines = []
    note = call.window.get("note")
    closed_on_a_known_day = status.status == CLOSED and status.closes is not None
    if note and not closed_on_a_known_day:
        lines.append(say.text(note))
    edition = call.data.get("next_edition")
    if edition and status.status == CLOSED:
        lines.append(say.text(edition["text"]))
    return lines


# --- the money ---------------------------------------------------------------------------------

def item_label(say: Say, call: Call | None, item: str) -> str:
    """A breakdown line's name: ours, else the call's expense category title, else its id."""
    if say.has(f"item.{item}"):
        return say(f"item.{item}")
    for category in (call.data.get("expense_categories", []) if call else []):
        if category["id"] == item:
            return say.text(category["title"])
    return item


def breakdown_line(say: Say, call: Call | None, funding: Funding) -> str:
    """"consulenza 10.000,00 € + ... = totale ammissibile 109.140,00 €" (the lines that add up)."""
    rows = dict(funding.breakdown)
    if "direct_costs" in rows:  # the three expense lines are summed in direct_costs: show the sum
        rows = {k: v for k, v in rows.items() if k in ("direct_costs", "staff_flat", "indirect_flat", "total_eligible")}
    parts = [say("breakdown.item", item=item_label(say, call, item), amount=say.money(amount))
             for item, amount in rows.items() if item != "total_eligible"]
    total = say.money(funding.total_eligible)
    if len(parts) <= 1:
        return say("breakdown.total_only", total=total)
    return say("breakdown.sum", items=" + ".join(parts), total=total)


def split_line(say: Say, funding: Funding) -> str:
    grant, loan, own = (say.money(v) for v in (funding.grant, funding.loan, funding.own_contribution))
    if funding.loan and funding.grant:
        return say("split.grant_loan_own", grant=grant, loan=loan, own=own)
    if funding.loan:
        return say("split.loan_own", loan=loan, own=own)
    return say("split.grant_own", grant=grant, own=own)


def breakdown_parts(say: Say, call: Call | None, funding: Funding) -> str:
    """"costi diretti 102.000,00 € + personale (forfait) 20.400,00 € + ...": what the total adds up."""
    rows = dict(funding.breakdown)
    if "direct_costs" in rows:  # the three expense lines are summed in direct_costs: show the sum
        rows = {k: v for k, v in rows.items() if k in ("direct_costs", "staff_flat", "indirect_flat", "total_eligible")}
    parts = [say("breakdown.item", item=item_label(say, call, item), amount=say.money(amount))
             for item, amount in rows.items() if item != "total_eligible"]
    return " + ".join(parts) if len(parts) > 1 else ""


def money_lines(say: Say, call: Call | None, funding: Funding) -> list[str]:
    """The figures as a short list: eligible total (and what it adds up), grant, loan, own share,
    the caps that cut, the minimum, the loan's repayment."""
    parts = breakdown_parts(say, call, funding)
    lines = [say("money.total_parts" if parts else "money.total", total=say.money(funding.total_eligible), parts=parts)]
    if funding.grant:
        lines.append(say("money.grant", amount=say.money(funding.grant)))
    if funding.loan:
        lines.append(say("money.loan", amount=say.money(funding.loan)))
    lines.append(say("money.own", amount=say.money(funding.own_contribution)))
    lines += [say("bullet", text=line) for line in cut_lines(say, call, funding)]
    lines.append(minimum_line(say, funding))
    if funding.loan_plan is not None:
        lines += repayment_lines(say, funding.loan_plan)
    return lines


def repayment_lines(say: Say, plan: LoanPlan) -> list[str]:
    lines = []
    if plan.interest_only_payments:
        lines.append(say("money.interest_only", count=plan.interest_only_payments, payment=say.money(plan.rows[0].payment),
                         months=plan.preamortisation_months))
    key = "money.repayment_equal_capital" if plan.method == "equal_capital" else "money.repayment"
    lines.append(say(key, count=plan.instalments, instalment=say.money(plan.instalment),
                     last=say.money(plan.rows[-1].payment) if plan.rows else say.money(0),
                     frequency=frequency(say, plan.payments_per_year), years=plan.years, rate=say.rate(plan.rate_pct),
                     interest=say.money(plan.total_interest)))
    return lines


def cut_lines(say: Say, call: Call | None, funding: Funding) -> list[str]:
    lines = []
    for cut in funding.cuts:
        key = f"cut.{cut.rule}" if say.has(f"cut.{cut.rule}") else "cut.generic"
        lines.append(say(key, item=item_label(say, call, cut.item), requested=say.money(cut.requested),
                         allowed=say.money(cut.allowed)))
    return lines


def minimum_line(say: Say, funding: Funding) -> str | None:
    if funding.below_minimum and funding.minimum is not None:
        return say("minimum.below", total=say.money(funding.total_eligible), minimum=say.money(funding.minimum))
    return None


def frequency(say: Say, payments_per_year: int) -> str:
    key = f"loan.frequency.{payments_per_year}"
    return say(key) if say.has(key) else say("loan.frequency.other", count=payments_per_year)


def plan_lines(say: Say, plan: LoanPlan) -> list[str]:
    """Interest-only payments, the instalments and the total interest of one loan plan."""
    key = "plan.terms" if plan.preamortisation_months else "plan.terms_no_preamortisation"
    lines = [say(key, principal=say.money(plan.principal), years=plan.years,
                 months=plan.preamortisation_months, rate=say.rate(plan.rate_pct))]
    if plan.interest_only_payments:
        first = plan.rows[0].payment
        lines.append(say("plan.interest_only", count=plan.interest_only_payments, payment=say.money(first)))
    if plan.method == "equal_capital" and plan.rows:  # the payments fall: say the first and the last
        lines.append(say("plan.instalments_equal_capital", count=plan.instalments, first=say.money(plan.instalment),
                         last=say.money(plan.rows[-1].payment), frequency=frequency(say, plan.payments_per_year)))
    else:
        lines.append(say("plan.instalments", count=plan.instalments, instalment=say.money(plan.instalment),
                         frequency=frequency(say, plan.payments_per_year)))
    lines.append(say("plan.total_interest", interest=say.money(plan.total_interest)))
    return lines


def assumption_lines(say: Say, keys: Iterable[str], plan: LoanPlan | None = None) -> list[str]:
    """The engine's assumptions that a reader needs told (the rest are worded elsewhere)."""
    values = {"years": plan.years if plan else "", "months": plan.preamortisation_months if plan else ""}
    return [say(f"assumption.{key}", **values) for key in keys if say.has(f"assumption.{key}")]
