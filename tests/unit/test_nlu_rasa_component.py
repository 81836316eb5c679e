"""The Rasa adapter: entities land on the message, marked as ours, and nothing can crash the server."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import rasa_component
from bot.nlu.rasa_component import OrientaEntityExtractor


@pytest.fixture(scope="module")
def extractor():
    return OrientaEntityExtractor.create({}, None, None, None)


def processed(extractor, text, **data):
    message = Message.build(text=text, **data)
    extractor.process([message])
    return message.get("entities")


def test_entities_carry_offsets_value_role_and_our_name(extractor):
    entities = processed(extractor, "siamo a Bergamo, 4 milioni di fatturato")
    turnover = next(e for e in entities if e["entity"] == "amount")
    assert turnover == {"entity": "amount", "start": 17, "end": 26, "value": "4000000", "role": "turnover",
                        "extractor": "OrientaEntityExtractor"}
    assert {e["extractor"] for e in entities} == {"OrientaEntityExtractor"}


def test_an_entity_without_a_role_has_no_role_key(extractor):
    [employees] = [e for e in processed(extractor, "25 dipendenti") if e["entity"] == "employees"]
    assert "role" not in employees


def test_entities_already_on_the_message_are_kept(extractor):
    earlier = {"entity": "other", "start": 0, "end": 1, "value": "x", "extractor": "Elsewhere"}
    assert earlier in processed(extractor, "25 dipendenti", entities=[earlier])


def test_a_failure_costs_the_entities_of_one_message_not_the_server(extractor, monkeypatch):
    def broken(text):
        raise RuntimeError("bug")

    monkeypatch.setattr(rasa_component, "extract", broken)
    assert processed(extractor, "25 dipendenti") == []


def test_the_component_is_in_the_pipeline_and_diet_gives_no_entities():
    import yaml

    with open("config.yml", encoding="utf-8") as config:
        pipeline = yaml.safe_load(config)["pipeline"]
    names = [step["name"] for step in pipeline]
    assert "bot.nlu.rasa_component.OrientaEntityExtractor" in names
    diet = next(step for step in pipeline if step["name"] == "DIETClassifier")
    assert diet["entity_recognition"] is False
