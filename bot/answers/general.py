"""Answers not tied to one call: de minimis (the ceiling, the room left, the excluded sectors),
the SME definition (and the firm's class, partner enterprises), the Lombardia Points, PID, EEN,
and the desk for a place (with the chambers' mergers and contacts).

The facts come from bot/catalogue/subjects.yaml and the desks from bot/geo/desks.yaml; the
firm's class comes from bot.sme, the engine's own classification.
"""
from __future__ import annotations

from decimal import Decimal

from bot import sme
from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, subject_lines
from bot.catalogue.subjects import Subject
from bot.geo.desks import Desk, all_desks, desk_for_province
from bot.profile import Profile


def _subject(subject_id: str):
    def answer(ask: Ask) -> Reply:
        return reply(subject_lines(ask.say, ask.subjects.get(subject_id)))
    answer.__name__ = subject_id
    return answer


een = _subject("een")
pid = _subject("pid")


# --- de minimis ------------------------------------------------------------------------------

def _de_minimis_figures(ask: Ask) -> tuple[Decimal, Decimal]:
    figures = ask.subjects.get("de_minimis").figures
    return figures["ceiling"].value, figures["years"].value


def de_minimis(ask: Ask) -> Reply:
    say = ask.say
    lines = subject_lines(say, ask.subjects.get("de_minimis"))
    call = ask.resolved if ask.named else None
    if call is not None and call.data.get("aid_regime"):
        lines.append(say("de_minimis.call", call=say.title(call), text=say.text(call.data["aid_regime"]["text"])))
    return reply(lines)


def de_minimis_headroom(ask: Ask) -> Reply:
    """"We received 280,000 €: how much is left?": the ceiling minus the aid received."""
    say = ask.say
    ceiling, years = _de_minimis_figures(ask)
    received, parts = ask.amount(), ask.amounts()
    if received is None:
        return reply([say("de_minimis.ask_received", ceiling=say.money(ceiling), years=say.number(years))])
    summed = None
    if len(parts) > 1:  # "75 mila nel 2024 e 40 mila nel 2025": the aid of each year adds up
        received = sum(parts)
        summed = say("de_minimis.summed", parts=" + ".join(say.money(p) for p in parts), total=say.money(received))
    left = ceiling - received
    if left <= 0:
        lines = [say("de_minimis.none_left", received=say.money(received), ceiling=say.money(ceiling),
                     years=say.number(years))]
    else:
        lines = [say("de_minimis.left", left=say.money(left), received=say.money(received), ceiling=say.money(ceiling),
                     years=say.number(years))]
    lines += [summed, say("de_minimis.rolling", years=say.number(years))]
    return reply(lines)


def de_minimis_sectors(ask: Ask) -> Reply:
    say = ask.say
    subject = ask.subjects.get("de_minimis")
    excluded = [say.text(f.text) for f in subject.facts if "agricol" in f.text["it"] or "pesca" in f.text["it"]]
    return reply([say("de_minimis.sectors"), *excluded, say("de_minimis.sectors_other")])


# --- the Lombardia Points and the desks ---------------------------------------------------------

def firm_desk(profile: Profile) -> Desk | None:
    """The desk of the firm's province, if known."""
    return desk_for_province(profile.province) if profile.province else None


def place_words(say: Say, profile: Profile) -> str:
    if profile.comune:
        return say("place.comune", comune=profile.comune, province=profile.province)
    return say("place.province", province=profile.province)


def desk_lines(say: Say, desk: Desk, place: str) -> list[str]:
    lines = [say("desk.for_place", place=place, chamber=desk.chamber, provinces=", ".join(desk.provinces))]
    if desk.history:
        lines.append(desk.history[say.lang])
    if desk.agencies:
        lines.append(say("desk.agencies", agencies=say.listing(a[say.lang] for a in desk.agencies)))
    contacts = [value for value in (desk.address, desk.email, desk.phone, desk.website) if value]
    if contacts and desk.contacts_verified:
        lines.append(say("desk.contacts", contacts=" · ".join(contacts)))
    else:
        lines.append(desk.notes[say.lang])
    return lines


def lombardia_point(ask: Ask) -> Reply:
    say = ask.say
    lines = subject_lines(say, ask.subjects.get("lombardia_point"))
    desk = firm_desk(ask.profile)
    if desk is not None:
        return reply(lines + desk_lines(say, desk, place_words(say, ask.profile)))
    return reply(lines + [say("desk.ask_place")])


def desk(ask: Ask) -> Reply:
    say, profile = ask.say, ask.profile
    if profile.province:
        found = firm_desk(profile)
        if found is None:
            return reply([say("desk.outside", place=place_words(say, profile))])
        return reply(desk_lines(say, found, place_words(say, profile)) + [say("desk.what_they_do")])
    if profile.lombardy_site is False:
        return reply([say("desk.outside_declared")])
    chambers = [say("desk.chamber_line", chamber=d.chamber, provinces=", ".join(d.provinces)) for d in all_desks()]
    return reply([say("desk.ask_place"), say("desk.chambers", count=len(chambers)), *chambers])


def chamber_merge(ask: Ask) -> Reply:
    """"Does the Pavia chamber still exist?": the chamber that serves the place now, and its history."""
    say, profile = ask.say, ask.profile
    found = firm_desk(profile)
    if found is None:
        merged = [d for d in all_desks() if d.history]
        lines = [say("desk.mergers")] + [say("desk.merger_line", chamber=d.chamber, history=d.history[say.lang])
                                          for d in merged]
        return reply(lines + [say("desk.ask_place")])
    lines = [say("desk.now_served", place=place_words(say, profile), chamber=found.chamber,
                 provinces=", ".join(found.provinces))]
    if not found.history:
        lines.append(say("desk.no_merger", chamber=found.chamber))
    return reply(lines + desk_lines(say, found, place_words(say, profile))[1:])


def contacts(ask: Ask) -> Reply:
    say, profile = ask.say, ask.profile
    found = firm_desk(profile)
    if found is None:
        return reply([say("desk.contacts_unknown_all"), say("desk.ask_place")])
    return reply(desk_lines(say, found, place_words(say, profile)))


# --- the SME definition ----------------------------------------------------------------------

def _class_name(say: Say, name: str) -> str:
    return say.engine(f"sme.class.{name}")


def _figures(say: Say, subject: Subject) -> dict[str, str]:
    return {name: (say.money(f.value) if f.kind == "money" else say.number(f.value))
            for name, f in subject.figures.items()}


def _why_not_smaller(say: Say, profile: Profile, size: str, subject: Subject) -> str | None:
    """Why the firm is not in the class below `size` (staff, or both money figures, over it)."""
    smaller = {"small": "micro", "medium": "small", "large": "medium"}.get(size)
    if smaller is None:
        return None
    figures, shown = subject.figures, _figures(say, subject)
    staff_limit = figures[f"{smaller}_staff"].value
    if profile.employees is not None and profile.employees >= staff_limit:
        return say("sme.not_smaller_staff", smaller=_class_name(say, smaller), employees=profile.employees,
                   limit=shown[f"{smaller}_staff"])
    if smaller == "medium":
        return say("sme.not_medium_money", turnover=shown["medium_turnover"], balance=shown["medium_balance"])
    return say("sme.not_smaller_money", smaller=_class_name(say, smaller), limit=shown[f"{smaller}_money"])


def sme_definition(ask: Ask) -> Reply:
    profile = ask.profile
    if profile.employees is None and profile.turnover_eur is None and profile.balance_sheet_eur is None:
        return reply(subject_lines(ask.say, ask.subjects.get("sme_definition")))
    return size_class(ask)


def size_class(ask: Ask) -> Reply:
    say, profile = ask.say, ask.profile
    subject = ask.subjects.get("sme_definition")
    if profile.employees is None and profile.turnover_eur is None and profile.balance_sheet_eur is None:
        return reply([say("sme.ask_figures"), *subject_lines(say, subject)[1:]])
    lines = [say("sme.heading")]
    size = sme.size_range(profile)
    if size.settled:
        lines.append(say("sme.is", facts=_known_size_facts(say, profile), size=_class_name(say, size.settled)))
        lines.append(say(f"sme.rule.{size.settled}", **_figures(say, subject)))
        lines.append(_why_not_smaller(say, profile, size.settled, subject))
    else:
        missing = [say.engine(f"fact.{key}") for key in sme.missing_for_size(profile)]
        if size.lowest is not None:
            lines.append(say("sme.range", facts=_known_size_facts(say, profile),
                             lowest=_class_name(say, size.lowest), highest=_class_name(say, size.highest)))
            lines += [say(f"sme.rule.{name}", **_figures(say, subject)) for name in _classes_between(size)]
        lines.append(say("sme.needs", facts=say.listing(m.lower() for m in missing)))
    lines += [warning[say.lang] for warning in sme.warnings(profile)]
    return reply(lines)


def _classes_between(size) -> list[str]:
    order = ["micro", "small", "medium", "large"]
    return order[order.index(size.lowest):order.index(size.highest) + 1]


def partner_rule(ask: Ask) -> Reply:
    say = ask.say
    subject = ask.subjects.get("sme_definition")
    partner = [say.text(f.text).format(**{n: say.percent(v.value) for n, v in subject.figures.items() if v.kind == "percent"})
               for f in subject.facts if "{partner_low}" in f.text["it"]]
    lines = [say("sme.partner_lead"), *partner]
    if ask.percent() is not None:
        share = ask.percent()
        kind = "linked" if share > 50 else "partner" if share >= 25 else "autonomous"
        lines.append(say(f"sme.partner_{kind}", share=say.percent(share)))
    lines.append(say("sme.partner_check"))
    return reply(lines)


def _known_size_facts(say: Say, profile: Profile) -> str:
    parts = []
    if profile.employees is not None:
        parts.append(say.plural("sme.fact.employees", profile.employees))
    if profile.turnover_eur is not None:
        parts.append(say("sme.fact.turnover", value=say.money(profile.turnover_eur)))
    if profile.balance_sheet_eur is not None:
        parts.append(say("sme.fact.balance", value=say.money(profile.balance_sheet_eur)))
    return say.listing(parts)
