"""Answers follow the data: editing a call file or subjects.yaml changes them, with no change to
code, training data or responses; and every answer exists in both languages."""
import datetime as dt
import json
import shutil
from dataclasses import replace
from decimal import Decimal

import pytest

from bot import sme
from bot.answers import ASPECTS, Inputs, answer
from bot.catalogue import default_catalogue, load_catalogue
from bot.catalogue.subjects import SUBJECTS_FILE, SubjectsError, default_subjects, load_subjects
from bot.nlu.aspects import known_aspect_ids
from bot.nlu.reading import ItemHit, items_in, read
from bot.profile import parse_profile
from tests.unit.call_files import edited

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"


def test_a_new_loan_rate_in_the_call_file_changes_the_loan_answer(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["loan"].update(rate_pct=2.5))
    text = answer("interest_rate", "en", catalogue=load_catalogue(calls_dir)).text
    assert "has a fixed nominal annual rate of 2.5%" in text


def test_a_new_grant_rate_in_the_call_file_changes_the_simulation(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["funding"]["params"].update(grant_pct=30, loan_pct=55))
    text = answer("simulate", "en", inputs=Inputs(amount=Decimal(100000)), today=OPEN_DAY,
                  catalogue=load_catalogue(calls_dir)).text
    assert "Grant €38,520.00 (30%), subsidised loan €70,620.00 (55%)" in text


def test_a_new_closing_date_in_the_call_file_changes_the_status(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["window"].update(closes=dt.date(2025, 10, 31)))
    text = answer("status", "it", today=dt.date(2025, 10, 1), catalogue=load_catalogue(calls_dir)).text
    assert "chiude il 31 ottobre 2025 (mancano 30 giorni)" in text


def test_an_excluded_cost_added_to_the_call_file_is_listed(calls_dir):
    def add(data):
        data["excluded_costs"]["items"].append({"it": "multe", "en": "fines"})
    edited(calls_dir / f"{VNM}.yaml", add)
    assert "and fines." in answer("excluded_costs", "en", catalogue=load_catalogue(calls_dir)).text


def test_a_new_figure_in_subjects_changes_the_general_answer(tmp_path):
    path = tmp_path / "subjects.yaml"
    shutil.copy(SUBJECTS_FILE, path)
    edited(path, lambda d: d["subjects"]["de_minimis"]["figures"]["ceiling"].update(value=350000))
    assert "at most €350,000.00 of de minimis aid" in answer("de_minimis", "en", subjects=load_subjects(path)).text


def test_a_new_de_minimis_ceiling_changes_the_room_left(tmp_path):
    path = tmp_path / "subjects.yaml"
    shutil.copy(SUBJECTS_FILE, path)
    edited(path, lambda d: d["subjects"]["de_minimis"]["figures"]["ceiling"].update(value=350000))
    text = answer("de_minimis_headroom", "en", inputs=Inputs(amount=280000), subjects=load_subjects(path)).text
    assert "€70,000.00" in text


def test_a_subject_placeholder_without_a_figure_is_refused(tmp_path):
    path = tmp_path / "subjects.yaml"
    shutil.copy(SUBJECTS_FILE, path)
    edited(path, lambda d: d["subjects"]["pid"]["facts"][0]["text"].update(it="{nope}", en="{nope}"))
    with pytest.raises(SubjectsError, match=r"subjects.pid.facts.0: placeholders \['nope'\] name no figure"):
        load_subjects(path)


def test_a_subject_citing_an_unlisted_source_is_refused(tmp_path):
    path = tmp_path / "subjects.yaml"
    shutil.copy(SUBJECTS_FILE, path)
    edited(path, lambda d: d["subjects"]["een"]["facts"][0].update(sources=["somewhere"]))
    with pytest.raises(SubjectsError, match="cites 'somewhere', not listed under 'sources'"):
        load_subjects(path)


def test_every_portal_a_call_names_is_a_subject():
    for call in default_catalogue():
        if call.data.get("portal"):
            default_subjects().get(call.data["portal"])


def test_every_aspect_the_reader_knows_has_an_answer_and_no_answer_lacks_an_aspect():
    assert set(known_aspect_ids()) == set(ASPECTS)


def test_the_sme_figures_told_are_the_ones_the_engine_applies():
    figures = {name: figure.value for name, figure in default_subjects().get("sme_definition").figures.items()}
    for name, staff, turnover, balance in sme._CEILINGS:
        assert figures[f"{name}_staff"] == staff
        if name == "medium":
            assert (figures["medium_turnover"], figures["medium_balance"]) == (turnover, balance)
        else:
            assert figures[f"{name}_money"] == turnover == balance


FULL_PROFILE = parse_profile({
    "employees": 5, "turnover_eur": 900000, "comune": "Seriate", "export_share_pct": 10,
    "approved_balance_sheets": 3, "years_active": 4, "startup": False, "craft_enterprise": True,
    "investment_eur": 20000, "vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000},
    "fairs": {"count": 2, "exhibitor": "new", "eligible_expenses": 9000, "stand_sqm": 16},
})
# Every input a question can carry; the expense items are those its words name in each call's file.
INPUTS = Inputs(amount=Decimal(100000), expenses={"consultancy": 10000, "initiatives": 70000, "training": 5000},
                years=4, months=12, sqm=Decimal(16), exhibitor="frequent", fairs_count=2, percent=Decimal(30),
                micro=True, startup=True)
ITEMS_QUESTION = read("posso mettere l'affitto di un ufficio, la traduzione del sito e lo stand?", "it", [])


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("aspect", ASPECTS)
def test_every_aspect_answers_about_every_call_in_both_languages(aspect, lang):
    for call_id in default_catalogue().ids():
        inputs = replace(INPUTS, items=items_in(ITEMS_QUESTION.words, call_id))
        for profile, given in ((None, Inputs()), (FULL_PROFILE, inputs)):
            reply = answer(aspect, lang, call_ids=[call_id], profile=profile, today=OPEN_DAY, inputs=given)
            assert reply.text and "{" not in reply.text, (aspect, call_id)


def test_an_excluded_item_read_for_the_headline_call_is_answered_about_another_call_without_a_crash():
    rent = ITEMS_QUESTION.items[0]  # "affitto": an excluded cost of Verso Nuovi Mercati
    assert rent == ItemHit("excluded:2", "excluded")
    reply = answer("expense_item", "it", call_ids=["fiere-internazionali-2024-2026"], inputs=Inputs(items=(rent,)))
    assert "Fiere internazionali in Lombardia 2024-2026" in reply.text


def _asked_again(payload: str):
    intent, _, entities = payload.partition("{")
    assert intent == "/ask"
    values = json.loads("{" + entities)
    call_ids = [values.pop("call_id")] if "call_id" in values else []
    return values.pop("aspect"), call_ids, Inputs(**values)


@pytest.mark.parametrize("aspect", ASPECTS)
def test_every_button_asks_a_question_answer_understands(aspect):
    reply = answer(aspect, "en", profile=FULL_PROFILE, today=OPEN_DAY, inputs=INPUTS)
    for button in reply.buttons:
        again, call_ids, inputs = _asked_again(button.payload)
        assert again in ASPECTS
        assert answer(again, "en", call_ids=call_ids, profile=FULL_PROFILE, today=OPEN_DAY, inputs=inputs).text
