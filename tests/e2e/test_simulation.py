"""'How much would I get on X?' without a profile: the simulation with its assumptions and
breakdown, then the loan plan for a chosen duration and pre-amortisation."""
from bot.texts import t
from tests.e2e.conftest import NBSP


def eur(text: str) -> str:
    return text.replace(NBSP, " ")


def test_the_simulation_on_100000_euros_shows_the_whole_breakdown(assistant):
    reply = assistant.chat("sim-it").send("quanto mi finanziano su 100.000 €?")
    assert reply.lines[0] == f"Simulazione «Verso Nuovi Mercati 2025» su 100.000,00{NBSP}€:"
    assert reply.lines[1] == (f"Fondo perduto 25.680,00{NBSP}€ (20%), finanziamento agevolato 83.460,00{NBSP}€ (65%), "
                              f"a vostro carico 19.260,00{NBSP}€.")
    assert eur(reply.lines[2]) == ("Spese: costi diretti 100.000,00 € + personale (forfait) 20.000,00 € + costi indiretti "
                                   "(forfait) 8.400,00 € = totale ammissibile 128.400,00 €")
    assert "i 100.000,00\u00a0€ sono tutti costi diretti per iniziative" in reply.lines[3]
    assert reply.last == t("it", "answers.simulate.choose_plan")
    assert reply.titles == ["Piano in 3 anni", "Piano in 4 anni", "Piano in 5 anni"]


def test_a_loan_plan_for_four_years_then_a_year_of_pre_amortisation(assistant):
    chat = assistant.chat("sim-plan")
    simulation = chat.send("quanto mi finanziano su 100.000 €?")
    plan = chat.press(simulation, "Piano in 4 anni")
    assert f"Finanziamento di 83.460,00{NBSP}€ in 4 anni senza preammortamento, tasso 1,5%:" in plan.lines
    assert f"• 8 rate semestrali da 10.787,67{NBSP}€" in plan.lines
    assert any(line.startswith("• interessi totali") for line in plan.lines)
    assert plan.last == t("it", "chat.loan.offer_months") and "12 mesi" in plan.titles
    grace = chat.press(plan, "12 mesi")
    assert f"Finanziamento di 83.460,00{NBSP}€ in 4 anni (preammortamento 12 mesi), tasso 1,5%:" in grace.lines
    assert f"• 2 pagamenti di soli interessi da 625,95{NBSP}€" in grace.lines


def test_a_duration_typed_in_words_after_the_simulation(assistant):
    chat = assistant.chat("sim-typed")
    chat.say("quanto mi finanziano su 100.000 €?")
    assert f"Finanziamento di 83.460,00{NBSP}€ in 5 anni senza preammortamento, tasso 1,5%:" in chat.send("e in 5 anni?").lines


def test_in_english_the_simulation_on_250000_euros(assistant):
    reply = assistant.chat("sim-en").send("How much funding would I get on a €250,000 project?")
    assert reply.lines[2].endswith("= total eligible €321,000.00")
    assert reply.lines[1] == "Grant €64,200.00 (20%), subsidised loan €208,650.00 (65%), paid by you €48,150.00."


def test_in_english_a_simulation_without_an_amount_asks_for_it(assistant):
    chat = assistant.chat("sim-ask")
    assert chat.say("give me a simulation") == t("en", "chat.ask.simulate_amount")
    assert "total eligible €128,400.00" in chat.say("€100,000")


def test_an_impossible_amount_is_explained_and_asked_again(assistant):
    chat = assistant.chat("sim-bad")
    chat.say("give me a simulation")
    assert chat.say("-5000") == t("en", "chat.invalid.simulate_amount", value="-5000")
    assert chat.send("100k").lines[0] == "“Verso Nuovi Mercati (Towards New Markets) 2025” simulation on €100,000.00:"
