"""'How much would I get on X?' without a profile: the simulation with its assumptions and
breakdown, then the loan plan for a chosen duration and pre-amortisation."""


def test_the_simulation_on_100000_euros_shows_the_whole_breakdown(assistant):
    reply = assistant.chat("sim-it").say("quanto mi finanziano su 100.000 €?")
    assert "i 100.000,00 € sono tutti costi diretti per iniziative" in reply
    assert ("costi diretti 100.000,00 € + personale (forfait) 20.000,00 € + costi indiretti (forfait) "
            "8.400,00 € = totale ammissibile 128.400,00 €") in reply
    assert "Fondo perduto 25.680,00 € (20%), finanziamento agevolato 83.460,00 € (65%), a vostro carico 19.260,00 €" in reply


def test_a_loan_plan_for_four_years_then_a_year_of_pre_amortisation(assistant):
    chat = assistant.chat("sim-plan")
    simulation = chat.send("quanto mi finanziano su 100.000 €?")
    plan = chat.press(simulation, "Piano in 4 anni")
    assert "Finanziamento di 83.460,00 € in 4 anni" in plan.text and "8 rate semestrali" in plan.text
    assert "interessi totali" in plan.text
    grace = chat.press(plan, "12 mesi")
    assert "preammortamento 12 mesi" in grace.text and "2 pagamenti di soli interessi" in grace.text


def test_a_duration_typed_in_words_after_the_simulation(assistant):
    chat = assistant.chat("sim-typed")
    chat.say("quanto mi finanziano su 100.000 €?")
    assert "in 5 anni" in chat.say("e in 5 anni?")


def test_in_english_the_simulation_on_250000_euros(assistant):
    reply = assistant.chat("sim-en").say("How much funding would I get on a €250,000 project?")
    assert "total eligible €321,000.00" in reply
    assert "Grant €64,200.00 (20%), subsidised loan €208,650.00 (65%), paid by you €48,150.00" in reply


def test_in_english_a_simulation_without_an_amount_asks_for_it(assistant):
    chat = assistant.chat("sim-ask")
    assert chat.say("give me a simulation") == "On what project amount should I run the simulation? (for example \"€100,000\")"
    assert "total eligible €128,400.00" in chat.say("€100,000")
