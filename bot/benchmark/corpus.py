"""A corpus of questions (or whole conversations) put to a running assistant over the REST
channel, as a new user would, and the replies checked for the facts they must carry.

Requirements are lists of alternatives: "money:N" (an amount as either language writes it,
cents when N has them), "date:YYYY-MM-DD" (a date written out), "pct:N" (a percentage), or a
case-insensitive regular expression. Used by `make bench` (scores) and by the end-to-end tests
on the project's own corpus (tests/corpus/); the held-out corpora of ../shared/eval are only
ever run, never read into the project.
"""
from __future__ import annotations

import json
import re
import urllib.request
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot import fmt



def _money(value: str) -> str:
    amount = Decimal(value)
    shapes = {fmt.money(lang, amount) for lang in ("it", "en")}
    whole = f"{int(amount):,}"
    if amount == amount.to_integral_value():
        shapes |= {whole, whole.replace(",", "."), whole.replace(",", "\u00a0"), str(int(amount))}
    pattern = "|".join(re.escape(s).replace(r"\ ", r"\s?").replace("\u00a0", r"\s?") for s in sorted(shapes, key=len, reverse=True))
    return rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)"


def _date(value: str) -> str:
    import datetime as dt

    day = dt.date.fromisoformat(value)
    shapes = {fmt.date(lang, day) for lang in ("it", "en")} | {day.isoformat(), f"{day.day}/{day.month}/{day.year}"}
    return "|".join(re.escape(s) for s in shapes)


def _pct(value: str) -> str:
    shapes = {fmt.percent(lang, Decimal(value)) for lang in ("it", "en")}
    alternatives = "|".join(re.escape(s).replace("%", r"\s?%") for s in shapes)
    return rf"(?<![\d.,])(?:{alternatives})"


def pattern(alternative: str) -> str:
    for prefix, build in (("money:", _money), ("date:", _date), ("pct:", _pct)):
        if alternative.startswith(prefix):
            return build(alternative[len(prefix):])
    return alternative


def missing(requirements: Iterable[Iterable[str]], text: str) -> list[list[str]]:
    """The requirements none of whose alternatives the text satisfies."""
    return [list(req) for req in requirements if not any(re.search(pattern(a), text, re.I | re.S) for a in req)]


def flatten(messages: list[dict[str, Any]]) -> str:
    parts = []
    for message in messages:
        parts.append(message.get("text") or "")
        parts += [button.get("title", "") for button in message.get("buttons") or []]
    return "\n".join(parts)


def send(url: str, sender: str, text: str, timeout: float = 90.0) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


@dataclass(frozen=True)
class Outcome:
    text: str
    reply: str
    missing: list

    @property
    def ok(self) -> bool:
        return not self.missing


def ask_all(url: str, items: Iterable[dict], prefix: str = "corpus") -> list[Outcome]:
    """Each item's text as the first message of a new conversation, its reply checked."""
    outcomes = []
    for item in items:
        reply = flatten(send(url, f"{prefix}-{uuid.uuid4().hex[:10]}", item["text"]))
        outcomes.append(Outcome(item["text"], reply, missing(item["expect"], reply)))
    return outcomes


def load(path: Path | str) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


# --- whole conversations ------------------------------------------------------------------------
# A simulated owner reads the bot's last question and answers it from the persona's facts, as a
# person would: by what the question is about (most specific first).
QUESTION_TOPICS: tuple[tuple[str, str], ...] = (
    ("start", r"cosa volete fare|what would you like to do|cosa posso fare per voi|what can i do for you"),
    ("offer", r"volete che verifichi|shall i check|vi faccio poche domande|i'll ask a few questions"),
    ("consent", r"acconsent|consent"),
    ("preamortisation", r"preammortamento|pre-amortisation"),
    ("loan_years", r"in quanti anni|over how many years|durata diversa|different duration"),
    ("balance_sheets", r"bilanci approvati|approved balance sheets"),
    ("balance", r"totale di bilancio|balance sheet total"),
    ("export", r"esportazion|export"),
    ("consultancy", r"consulenz|consultancy"),
    ("training", r"formazione|training"),
    ("initiatives", r"iniziative|initiatives"),
    ("employees", r"dipendenti|employees"),
    ("turnover", r"fatturato|turnover"),
    ("place", r"comune|municipality|provincia|province"),
    ("years", r"da quanti anni|how many years has|active"),
    ("startup", r"startup"),
    ("craft", r"artigian|craft"),
    ("investment", r"investire|invest"),
)
START_IT = "vorrei sapere se potevamo partecipare a Verso Nuovi Mercati"
START_EN = "I'd like to know whether we could have applied to Verso Nuovi Mercati"
# A ranked list's line on the call: "✗ Verso Nuovi Mercati 2025 - chiuso dal ...".
_RANKED = re.compile(r"^\s*(?P<mark>[✓✗])\s+Verso Nuovi Mercati")
_NEGATIVE = re.compile(r"non avete (più )?i requisiti|non avreste avuto i requisiti|not eligible|not have been eligible"
                       r"|no longer eligible", re.I)
# "vediamo se avreste avuto i requisiti" announces the check; it is no verdict.
_POSITIVE = re.compile(r"(?<!se )(?<!whether you )(?:avete i requisiti|avreste avuto i requisiti|is eligible|is now eligible"
                       r"|would have qualified)", re.I)


def _last_question(text: str) -> str:
    # "Qual è il fatturato...? (per esempio «1,5 mln»)": the question mark need not end the line
    questions = [line for line in text.split("\n") if "?" in line]
    return questions[-1] if questions else ""


def answer_for(persona: dict, messages: list[dict]) -> str | None:
    question = _last_question(flatten(messages)).casefold()
    if not question:
        return None
    for topic, pattern in QUESTION_TOPICS:
        if re.search(pattern, question):
            if topic == "offer":
                return "sì" if persona["lang"] == "it" else "yes"
            if topic == "start":  # the greeting asks what the owner wants: what they came for
                return persona.get("purpose") or (START_IT if persona["lang"] == "it" else START_EN)
            value = persona["facts"].get(topic)
            if value is not None:
                return str(value)
    return persona["facts"].get("generic", "non so" if persona["lang"] == "it" else "I don't know")


@dataclass(frozen=True)
class Conversation:
    persona: dict
    transcript: tuple[tuple[str, str], ...]
    questions: int
    verdict: str | None

    @property
    def text(self) -> str:
        return "\n".join(said for _, said in self.transcript)

    @property
    def missing(self) -> list:
        return missing(self.persona.get("expect_all", []), self.text)

    @property
    def ok(self) -> bool:
        wanted = self.persona.get("verdict")
        return (not self.missing and (wanted is None or self.verdict == wanted)
                and self.questions <= self.persona.get("max_questions", 20))


def _verdict_in(text: str) -> str | None:
    """The first verdict the reply states (a ranked list's lines and a correction's count too)."""
    for line in text.split("\n"):
        ranked = _RANKED.match(line)
        if ranked:
            return "eligible" if ranked.group("mark") == "✓" else "not_eligible"
        if _NEGATIVE.search(line):
            return "not_eligible"
        if _POSITIVE.search(line):
            return "eligible"
    return None


def converse(url: str, persona: dict, max_turns: int = 25) -> Conversation:
    """Play one persona: its opening, answers to the bot's questions, then its follow-ups."""
    sender = f"persona-{uuid.uuid4().hex[:10]}"
    queue, then = [persona["opening"]], list(persona.get("then", []))
    transcript, questions, verdict = [], 0, None
    for _ in range(max_turns):
        if not queue:
            break
        text = queue.pop(0)
        messages = send(url, sender, text)
        said = flatten(messages)
        transcript += [("user", text), ("bot", said)]
        found = _verdict_in(said)
        if found:
            verdict = found
            if then:
                queue.append(then.pop(0))
                continue
            break
        reply = answer_for(persona, messages)
        if reply is None:
            break
        questions += 1
        queue.append(reply)
    return Conversation(persona, tuple(transcript), questions, verdict)
