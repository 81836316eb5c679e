"""Answers follow the data: editing a call file or topics.yaml changes them, with no change to
code, training data or responses; and every answer exists in both languages."""
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from bot import sme
from bot.answers import TOPICS, answer
from bot.catalogue import CALLS_DIR, default_catalogue, load_catalogue
from bot.catalogue.topics import TOPICS_FILE, TopicsError, default_topics, load_topics
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"


def edited(path: Path, change) -> Path:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def calls_dir(tmp_path):
    target = tmp_path / "calls"
    shutil.copytree(CALLS_DIR, target)
    return target


def test_a_new_loan_rate_in_the_call_file_changes_the_loan_answer(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["loan"].update(rate_pct=2.5))
    text = answer("call_loan", "en", catalogue=load_catalogue(calls_dir)).text
    assert "Nominal annual rate 2.5%" in text


def test_a_new_grant_rate_in_the_call_file_changes_the_simulation(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["funding"]["params"].update(grant_pct=30, loan_pct=55))
    text = answer("simulate", "en", amount=Decimal(100000), today=OPEN_DAY, catalogue=load_catalogue(calls_dir)).text
    assert "Grant €38,520.00 (30%), subsidised loan €70,620.00 (55%)" in text


def test_a_new_closing_date_in_the_call_file_changes_the_status(calls_dir):
    edited(calls_dir / f"{VNM}.yaml", lambda d: d["window"].update(closes=dt.date(2025, 10, 31)))
    text = answer("call_status", "it", today=dt.date(2025, 10, 1), catalogue=load_catalogue(calls_dir)).text
    assert "chiude il 31 ottobre 2025 (mancano 30 giorni)" in text


def test_an_excluded_cost_added_to_the_call_file_is_listed(calls_dir):
    def add(data):
        data["excluded_costs"]["items"].append({"it": "multe", "en": "fines"})
    edited(calls_dir / f"{VNM}.yaml", add)
    assert "and fines." in answer("call_costs", "en", catalogue=load_catalogue(calls_dir)).text


def test_a_new_figure_in_topics_changes_the_general_answer(tmp_path):
    path = tmp_path / "topics.yaml"
    shutil.copy(TOPICS_FILE, path)
    edited(path, lambda d: d["topics"]["de_minimis"]["figures"]["ceiling"].update(value=350000))
    assert "at most €350,000.00 of de minimis aid" in answer("de_minimis", "en", topics=load_topics(path)).text


def test_a_topic_placeholder_without_a_figure_is_refused(tmp_path):
    path = tmp_path / "topics.yaml"
    shutil.copy(TOPICS_FILE, path)
    edited(path, lambda d: d["topics"]["pid"]["facts"][0]["text"].update(it="{nope}", en="{nope}"))
    with pytest.raises(TopicsError, match=r"topics.pid.facts.0: placeholders \['nope'\] name no figure"):
        load_topics(path)


def test_a_topic_citing_an_unlisted_source_is_refused(tmp_path):
    path = tmp_path / "topics.yaml"
    shutil.copy(TOPICS_FILE, path)
    edited(path, lambda d: d["topics"]["een"]["facts"][0].update(sources=["somewhere"]))
    with pytest.raises(TopicsError, match="cites 'somewhere', not listed under 'sources'"):
        load_topics(path)


def test_every_portal_a_call_names_is_a_topic():
    for call in default_catalogue():
        if call.data.get("portal"):
            default_topics().get(call.data["portal"])


def test_the_sme_figures_told_are_the_ones_the_engine_applies():
    figures = {name: figure.value for name, figure in default_topics().get("sme_definition").figures.items()}
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
INPUTS = {"amount": Decimal(100000), "years": 4, "months": 12, "sqm": Decimal(16), "exhibitor": "frequent"}


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_answers_about_every_call_in_both_languages(topic, lang):
    for call_id in default_catalogue().ids():
        for profile, inputs in ((None, {}), (FULL_PROFILE, INPUTS)):
            reply = answer(topic, lang, call_id=call_id, profile=profile, today=OPEN_DAY, **inputs)
            assert reply.text and "{" not in reply.text, (topic, call_id)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_button_asks_a_question_answer_understands(topic):
    reply = answer(topic, "en", profile=FULL_PROFILE, today=OPEN_DAY, **INPUTS)
    for button in reply.buttons:
        intent, _, entities = button.payload.partition("{")
        assert intent == "/ask_topic"
        values = json.loads("{" + entities)
        again = answer(values.pop("topic"), "en", profile=FULL_PROFILE, today=OPEN_DAY, **values)
        assert again.text
