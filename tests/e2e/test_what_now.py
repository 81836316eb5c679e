""""Cosa possiamo fare adesso?" on the real date: SIMEST's lines open, no regional call, what to
watch, the desk; in both languages, against the running servers."""
import pytest


@pytest.mark.parametrize("lang, question, heading, simest, no_regional", [
    ("it", "Siamo a Brescia, 30 dipendenti: cosa possiamo fare adesso per una fiera all'estero?",
     "Cosa potete fare oggi", "• SIMEST – Fiere ed eventi - aperta a sportello, fino a esaurimento dei fondi",
     "Nessun bando regionale o camerale per l'internazionalizzazione è aperto oggi."),
    ("en", "We'd like to sell online. What can we apply for right now?",
     "What you can do today", "• SIMEST – E-commerce - open first come, first served, while funds last",
     "No regional or chamber call for going international is open today."),
])
def test_what_now_on_the_real_date(assistant_on_real_date, lang, question, heading, simest, no_regional):
    reply = assistant_on_real_date.chat(f"now-{lang}").send(question)
    assert reply.lines[0].startswith(heading)
    assert reply.lines[2] == simest  # the line made for the plan named comes first
    assert no_regional in reply.lines
    assert any(line.startswith(("Come fare domanda (SIMEST", "How to apply (SIMEST")) for line in reply.lines)
    assert ("Avvisatemi" if lang == "it" else "Alert me") in reply.titles
