"""Which messages each benchmark conversation sends (bot/benchmark/conversations.py)."""
import pytest

from bot.benchmark.conversations import HANDOFF_TURN, SCRIPTS, expected_enquiries, turns


def test_conversations_take_the_scripts_in_turn():
    scripts = (("ciao", "12"), ("hi", "we have 12 employees"))
    assert turns(scripts, 0, 2) == ["ciao", "12"]
    assert turns(scripts, 1, 2) == ["hi", "we have 12 employees"]
    assert turns(scripts, 2, 1) == ["ciao"]


def test_a_script_shorter_than_the_turns_starts_again():
    assert turns((("hello", "I am sad"),), 0, 5) == ["hello", "I am sad", "hello", "I am sad", "hello"]


def test_a_conversation_without_turns_is_refused():
    with pytest.raises(ValueError):
        turns((("hello",),), 0, 0)


def test_orienta_is_driven_in_italian_and_in_english_to_the_verdict():
    italian, english = SCRIPTS["orienta"]
    assert "Verso Nuovi Mercati" in italian[0] and "dipendenti" in italian[0]  # several facts at once
    assert english[1].endswith("?")
    assert len(italian) >= 12 and len(english) >= 12


def test_each_orienta_script_leaves_one_anonymous_enquiry_at_the_same_turn():
    for script in SCRIPTS["orienta"]:
        assert len(script) == 20
        asked, declined = script[HANDOFF_TURN - 2], script[HANDOFF_TURN - 1]
        assert ("consulente" in asked or "advisor" in asked) and declined == "no"


def test_the_expected_enquiries_follow_the_turns():
    assert expected_enquiries(50, 20) == 50
    assert expected_enquiries(50, HANDOFF_TURN) == 50
    assert expected_enquiries(50, HANDOFF_TURN - 1) == 0
    assert expected_enquiries(50, 21) is None  # a second round of the script asks again
