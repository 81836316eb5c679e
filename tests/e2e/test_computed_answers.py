"""Questions that carry numbers get the computed answer, in both languages, on a day the calls are
open (PINNED_DAY) and on the real date (closed: the same figures, said closed): de minimis
headroom, a project over the €600,000 ceiling, a fair stand under the 2024-26 call with the
micro or start-up bonus, a 2020-22 fair as new or frequent exhibitor, direct costs split into
grant, loan and own share, a loan plan."""
from tests.e2e.conftest import NBSP

VNM_IT, VNM_EN = "Verso Nuovi Mercati 2025", "Verso Nuovi Mercati (Towards New Markets) 2025"


def test_de_minimis_headroom_adds_up_the_aid_received(day):
    assistant, _ = day
    reply = assistant.chat("dm-it").send(
        "negli ultimi tre anni abbiamo ricevuto 75.000 € in de minimis e 40.000 € l'anno scorso: quanto ci resta?")
    assert reply.lines[0] == (f"Vi restano 185.000,00{NBSP}€ di spazio de minimis: 300.000,00{NBSP}€ in 3 anni "
                              f"mobili, meno i 115.000,00{NBSP}€ già ricevuti.")
    assert f"75.000,00{NBSP}€ + 40.000,00{NBSP}€ = 115.000,00{NBSP}€" in reply.lines[1]


def test_in_english_de_minimis_headroom(day):
    assistant, _ = day
    reply = assistant.chat("dm-en").send("We received €120,000 of de minimis aid in the last three years: how much is left?")
    assert reply.lines[0] == ("You have €180,000.00 of de minimis room left: €300,000.00 over 3 rolling years, "
                              "minus the €120,000.00 already received.")


def test_a_project_over_the_ceiling_is_funded_on_600000_only(day):
    assistant, closed = day
    reply = assistant.chat("ceiling-it").send("con un progetto da 800.000 € di spese su Verso Nuovi Mercati quanto prendiamo?")
    assert reply.lines[0] == f"Simulazione «{VNM_IT}» su 800.000,00{NBSP}€:"
    assert reply.lines[1] == (f"Fondo perduto 120.000,00{NBSP}€ (20%), finanziamento agevolato 390.000,00{NBSP}€ (65%), "
                              f"a vostro carico 517.200,00{NBSP}€.")
    assert (f"Il totale (1.027.200,00{NBSP}€) supera il massimo agevolabile: l'aiuto è calcolato su "
            f"600.000,00{NBSP}€ e il resto è a carico dell'impresa.") in reply.lines
    assert ("Il bando è chiuso dal 9 settembre 2025: oggi non si può presentare domanda." in reply.lines) is closed


def test_in_english_a_project_over_the_ceiling(day):
    assistant, _ = day
    reply = assistant.chat("ceiling-en").send("How much funding would I get on a €750,000 project with Verso Nuovi Mercati?")
    assert reply.lines[1] == "Grant €120,000.00 (20%), subsidised loan €390,000.00 (65%), paid by you €453,000.00."
    assert ("The total (€963,000.00) is over the maximum eligible: the aid is computed on €600,000.00 and the firm "
            "pays the rest.") in reply.lines


def test_a_micro_firms_stand_under_the_2024_26_fairs_call(day):
    assistant, closed = day
    reply = assistant.chat("stand-it").send(
        "siamo una microimpresa: quanto prendiamo con uno stand di 20 metri quadri al bando fiere 2024-2026 "
        "come nuovo espositore?")
    assert reply.lines[0] == "Stand di 20 m² - «Fiere internazionali in Lombardia 2024-2026»:"
    assert (f"Spese: area espositiva 8.800,00{NBSP}€ + personale (forfait) 1.760,00{NBSP}€ + costi indiretti "
            f"(forfait) 739,20{NBSP}€ = totale ammissibile 11.299,20{NBSP}€") in reply.lines
    assert f"Nuovo espositore: contributo 6.214,56{NBSP}€ (55%)." in reply.lines
    assert "È compreso il bonus per le microimprese." in reply.lines
    status = reply.lines[1]
    assert status.startswith("Il bando è chiuso dal 31 agosto 2026" if closed else "Il bando è aperto: chiude il 31 agosto 2026")


def test_in_english_a_start_ups_stand_stops_at_the_calls_maximum(day):
    assistant, _ = day
    reply = assistant.chat("stand-en").send("We are a start-up: how much for a 30 m² stand under the 2024-2026 fairs call?")
    assert "New exhibitor: grant €9,321.84 (55%)." in reply.lines
    assert "Frequent exhibitor: grant €8,000.00 (55%)." in reply.lines  # capped at the frequent exhibitors' €8,000
    assert "I included the start-up bonus, but the firm must be confirmed to be active for less than 24 months." in reply.lines


def test_a_2020_22_fair_as_new_or_frequent_exhibitor(day):
    assistant, _ = day
    reply = assistant.chat("fair2022-it").send(
        "col bando fiere 2020-2022, che percentuale aveva una start-up nuova espositrice a due fiere?")
    assert reply.lines[0] == "«Fiere internazionali in Lombardia 2020-2022»:"
    assert reply.lines[1:3] == [f"Un nuovo espositore a 2 fiere otteneva il 60% delle spese ammissibili, fino a 15.000,00{NBSP}€.",
                                "Come start-up: 65% in tutto, maggiorazione compresa."]


def test_in_english_a_2020_22_fair_as_a_frequent_micro_exhibitor(day):
    assistant, _ = day
    reply = assistant.chat("fair2022-en").send(
        "What grant rate did the 2020-2022 fairs call give a frequent exhibitor at one fair, as a micro enterprise?")
    assert reply.lines[1:3] == ["Frequent exhibitors: 40% for one fair, 50% for two or more, up to €10,000.00.",
                                "As a micro enterprise, bonuses included: 45% for one fair, 55% for two or more."]


def test_direct_costs_become_grant_loan_and_own_share(day):
    """FACTS.md §1: consultancy 10k, initiatives 70k, training 5k."""
    assistant, _ = day
    reply = assistant.chat("direct-it").send(
        "consulenza 10.000, iniziative 70.000, formazione 5.000: quanto fa di contributo e di finanziamento?")
    assert reply.lines[1] == (f"Fondo perduto 21.828,00{NBSP}€ (20%), finanziamento agevolato 70.941,00{NBSP}€ (65%), "
                              f"a vostro carico 16.371,00{NBSP}€.")
    assert reply.lines[2].endswith(f"= totale ammissibile 109.140,00{NBSP}€")


def test_in_english_direct_costs_become_grant_loan_and_own_share(day):
    assistant, _ = day
    reply = assistant.chat("direct-en").send("With €50,000 of direct costs, what are the grant, the loan and our own share?")
    assert reply.lines[1] == "Grant €12,840.00 (20%), subsidised loan €41,730.00 (65%), paid by you €9,630.00."
    assert reply.titles == ["Plan over 3 years", "Plan over 4 years", "Plan over 5 years"]


def test_a_loan_plan_asked_with_its_duration_and_amount(day):
    assistant, _ = day
    chat = assistant.chat("plan-it")
    reply = chat.send("mi fate il piano di rimborso in 5 anni per un progetto VNM da 200.000 €?")
    assert reply.lines[:2] == [f"«{VNM_IT}», progetto di 200.000,00{NBSP}€ di costi diretti.",
                               f"Finanziamento di 166.920,00{NBSP}€ in 5 anni senza preammortamento, tasso 1,5%:"]
    assert f"• 10 rate semestrali da 17.388,26{NBSP}€" in reply.lines
    grace = chat.press(reply, "12 mesi")
    assert "• 2 pagamenti di soli interessi" in grace.text.replace(NBSP, " ") and "in 5 anni (preammortamento 12 mesi)" in grace.text


def test_in_english_a_loan_plan_with_pre_amortisation(day):
    assistant, _ = day
    reply = assistant.chat("plan-en").send("Loan plan over 4 years with 12 months of pre-amortisation on €150,000 for VNM")
    assert reply.lines[1] == "Loan of €125,190.00 over 4 years (12 months of pre-amortisation), rate 1.5%:"
    assert reply.lines[2:4] == ["• 2 interest-only payments of €938.93",
                                "• 6 semi-annual (every six months) instalments of €21,416.12"]
