"""The fixed scripts the latency benchmark sends: what a person would type, turn after turn.

User messages, not bot sentences: they are inputs, so they live here and not in bot/texts.
Orienta's scripts walk the Verso Nuovi Mercati check to its verdict (the heaviest reply) in
Italian, with a first message carrying several facts at once, and in English; the stock
`rasa init` script uses that assistant's own intents (greet, moods, bot challenge, goodbye).
"""
from __future__ import annotations

from itertools import cycle, islice
from typing import Sequence

# The check asks, in order: employees, turnover, site, export share, balance sheets, then the
# initiatives, training and consultancy spending; a fact given earlier is not asked again. The
# amounts are FACTS.md's worked example, so the verdict is the full one (eligible, aid, loan plan).
# Each script then asks for an advisor and declines to leave a contact: one anonymous enquiry per
# conversation, which the benchmark counts in the database (HANDOFF_TURN: where it is stored).
ORIENTA_ITALIAN = (
    "Buongiorno, siamo un'azienda di Seriate (BG) con 12 dipendenti e 1,5 milioni di fatturato: "
    "possiamo partecipare al bando Verso Nuovi Mercati?",
    "circa il 20%", "tre bilanci approvati", "70k", "5.000 euro", "10.000",
    "When does Verso Nuovi Mercati close?",  # people switch language mid-conversation
    "quanto mi finanziano su 100.000 €?", "in quante rate si restituisce il finanziamento?",
    "mi fai il riepilogo?", "quali bandi sono aperti?", "ci sono contributi per le fiere?",
    "cosa offre SIMEST?", "a quale sportello mi devo rivolgere?",
    "voglio parlare con un consulente", "no",
    "quali spese sono ammesse?", "quando esce il prossimo bando?", "grazie", "arrivederci",
)
ORIENTA_ENGLISH = (
    "hi", "can my company apply to Verso Nuovi Mercati?", "we have 12 employees", "1.5M", "Bergamo",
    "20%", "two", "70k", "5,000", "10,000", "which calls are open?", "what about trade fairs?",
    "what does SIMEST offer?", "summary please", "I'd like to talk to an advisor", "no",
    "which costs are eligible?", "when is the next call expected?", "thanks", "bye",
)
HANDOFF_TURN = 16  # both scripts: the anonymous enquiry is stored on this turn (1-based)
RASA_INIT = (
    "hello", "I am sad", "no", "are you a bot?", "I am feeling very good", "goodbye",
    "hey there", "not good", "yes", "am I talking to a human?", "great", "bye",
)

SCRIPTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "orienta": (ORIENTA_ITALIAN, ORIENTA_ENGLISH),
    "rasa-init": (RASA_INIT,),
}


def turns(scripts: Sequence[Sequence[str]], conversation: int, count: int) -> list[str]:
    """The `count` messages of conversation number `conversation`: conversations take the scripts
    in turn, and a script shorter than `count` starts again from its first message."""
    if count < 1:
        raise ValueError("a conversation has at least one turn")
    script = scripts[conversation % len(scripts)]
    return list(islice(cycle(script), count))


def expected_enquiries(conversations: int, count: int) -> int | None:
    """The enquiries `conversations` conversations of `count` turns leave: one each once they reach
    HANDOFF_TURN; None when they run past their script, whose second round asks again."""
    if count > min(len(script) for script in SCRIPTS["orienta"]):
        return None
    return conversations if count >= HANDOFF_TURN else 0
