"""Without a pinned date the bot tells the truth of today (2026-12-02 when written): Verso Nuovi
Mercati closed on 9 Sep 2025, the 2024-26 fairs call on 31 Aug 2026, nothing is open, and the
announced 2026-27 fairs call has no rules to check yet."""
from tests.e2e.conftest import closed_today

pytestmark = closed_today


def test_on_the_real_date_the_call_is_reported_closed(assistant_on_real_date):
    reply = assistant_on_real_date.chat("today").send("quando chiude Verso Nuovi Mercati?")
    assert reply.lines[0] == "Per «Verso Nuovi Mercati 2025» si poteva presentare domanda fino al 9 settembre 2025."
    assert "Il bando è chiuso dal 9 settembre 2025: oggi non si può presentare domanda." in reply.lines


def test_on_the_real_date_no_call_is_open(assistant_on_real_date):
    reply = assistant_on_real_date.chat("open-it").send("quali bandi sono aperti?")
    assert reply.lines[1] == "Nessun bando regionale o camerale per l'internazionalizzazione è aperto oggi."
    assert "• Fiere internazionali in Lombardia 2024-2026 - chiuso dal 31 agosto 2026" in reply.lines
    assert "• Fiere internazionali in forma aggregata 2026-2027 - annunciato, senza date" in reply.lines


def test_an_announced_call_is_checked_on_what_is_known_but_never_called_a_fit(assistant_on_real_date):
    chat = assistant_on_real_date.chat("announced")
    chat.send("posso partecipare alle fiere in forma aggregata 2026-2027?")
    chat.send("12")
    verdict = chat.send("1,5 mln")
    assert verdict.lines[0] == ("«Fiere internazionali in forma aggregata 2026-2027» è solo annunciato: le regole "
                                "definitive non sono uscite, quindi non posso ancora verificarlo.")
    assert ("Da verificare: partecipazione in un gruppo (partenariato) di almeno 8 micro, piccole e medie imprese "
            "con un capofila, che acquista lo stand.") in verdict.lines
    assert not verdict.text.startswith("Sì")


def test_in_english_can_we_still_apply_says_closed_and_offers_the_check(assistant_on_real_date):
    reply = assistant_on_real_date.chat("closed-en").send("can we still apply to Verso Nuovi Mercati?")
    assert reply.lines[0] == "“Verso Nuovi Mercati (Towards New Markets) 2025”:"
    assert "The call has been closed since 9 September 2025: applications cannot be submitted today." in reply.lines
    assert reply.titles == ["Yes", "No"]
