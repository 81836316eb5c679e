"""Answers not tied to one call: de minimis, the SME definition (and the firm's class), the
Lombardia Points, PID, EEN and which desk serves the firm.

The facts come from bot/catalogue/topics.yaml and the desks from bot/geo/desks.yaml; the firm's
class comes from bot.sme, the engine's own classification.
"""
from __future__ import annotations

from bot import sme
from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, topic_lines
from bot.catalogue.topics import Topic
from bot.geo.desks import Desk, all_desks, desk_for_province
from bot.profile import Profile


def _topic(topic_id: str):
    def answer(ask: Ask) -> Reply:
        return reply(topic_lines(ask.say, ask.topics.get(topic_id)))
    answer.__name__ = topic_id
    return answer


een = _topic("een")
pid = _topic("pid")


def de_minimis(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = topic_lines(say, ask.topics.get("de_minimis"))
    if call.data.get("aid_regime"):
        lines.append(say("de_minimis.call", call=say.title(call), text=say.text(call.data["aid_regime"]["text"])))
    return reply(lines)


def lombardia_point(ask: Ask) -> Reply:
    say = ask.say
    lines = topic_lines(say, ask.topics.get("lombardia_point"))
    desk = _desk(ask.profile)
    if desk is not None:
        lines += desk_lines(say, desk, place_words(say, ask.profile))
        return reply(lines)
    lines.append(say("desk.ask_place"))
    return reply(lines)


# --- the desk --------------------------------------------------------------------------------

def _desk(profile: Profile) -> Desk | None:
    return desk_for_province(profile.province) if profile.province else None


def place_words(say: Say, profile: Profile) -> str:
    if profile.comune:
        return say("place.comune", comune=profile.comune, province=profile.province)
    return say("place.province", province=profile.province)


def desk_lines(say: Say, desk: Desk, place: str) -> list[str]:
    lines = [say("desk.for_place", place=place, chamber=desk.chamber, provinces=", ".join(desk.provinces))]
    contacts = [value for value in (desk.address, desk.email, desk.phone, desk.website) if value]
    if contacts and desk.contacts_verified:
        lines.append(say("desk.contacts", contacts=" · ".join(contacts)))
    lines.append(desk.notes[say.lang])
    return lines


def desk(ask: Ask) -> Reply:
    say, profile = ask.say, ask.profile
    if profile.province:
        found = _desk(profile)
        if found is None:
            return reply([say("desk.outside", place=place_words(say, profile))])
        return reply(desk_lines(say, found, place_words(say, profile)))
    if profile.lombardy_site is False:
        return reply([say("desk.outside_declared")])
    chambers = [say("desk.chamber_line", chamber=d.chamber, provinces=", ".join(d.provinces)) for d in all_desks()]
    return reply([say("desk.ask_place"), say("desk.chambers", count=len(chambers)), *chambers])


# --- the SME definition ----------------------------------------------------------------------

def _class_name(say: Say, name: str) -> str:
    return say.engine(f"sme.class.{name}")


def _figures(say: Say, topic: Topic) -> dict[str, str]:
    return {name: (say.money(f.value) if f.kind == "money" else say.number(f.value)) for name, f in topic.figures.items()}


def _why_not_smaller(say: Say, profile: Profile, size: str, topic: Topic) -> str | None:
    """Why the firm is not in the class below `size` (staff, or both money figures, over it)."""
    smaller = {"small": "micro", "medium": "small", "large": "medium"}.get(size)
    if smaller is None:
        return None
    figures, shown = topic.figures, _figures(say, topic)
    staff_limit = figures[f"{smaller}_staff"].value
    if profile.employees is not None and profile.employees >= staff_limit:
        return say("sme.not_smaller_staff", smaller=_class_name(say, smaller), employees=profile.employees,
                   limit=shown[f"{smaller}_staff"])
    if smaller == "medium":
        return say("sme.not_medium_money", turnover=shown["medium_turnover"], balance=shown["medium_balance"])
    return say("sme.not_smaller_money", smaller=_class_name(say, smaller), limit=shown[f"{smaller}_money"])


def sme_definition(ask: Ask) -> Reply:
    say, profile = ask.say, ask.profile
    topic = ask.topics.get("sme_definition")
    if profile.employees is None and profile.turnover_eur is None and profile.balance_sheet_eur is None:
        return reply(topic_lines(say, topic))
    lines = [say("sme.heading")]
    size = sme.size_range(profile)
    if size.settled:
        lines.append(say("sme.is", facts=_known_size_facts(say, profile), size=_class_name(say, size.settled)))
        lines.append(say(f"sme.rule.{size.settled}", **_figures(say, topic)))
        lines.append(_why_not_smaller(say, profile, size.settled, topic))
    else:
        missing = [say.engine(f"fact.{key}") for key in sme.missing_for_size(profile)]
        if size.lowest is not None:
            lines.append(say("sme.range", facts=_known_size_facts(say, profile),
                             lowest=_class_name(say, size.lowest), highest=_class_name(say, size.highest)))
        lines.append(say("sme.needs", facts=say.listing(m.lower() for m in missing)))
    lines += [warning[say.lang] for warning in sme.warnings(profile)]
    return reply(lines)


def _known_size_facts(say: Say, profile: Profile) -> str:
    parts = []
    if profile.employees is not None:
        parts.append(say("sme.fact.employees", value=profile.employees))
    if profile.turnover_eur is not None:
        parts.append(say("sme.fact.turnover", value=say.money(profile.turnover_eur)))
    if profile.balance_sheet_eur is not None:
        parts.append(say("sme.fact.balance", value=say.money(profile.balance_sheet_eur)))
    return say.listing(parts)
