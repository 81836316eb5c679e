"""The reply language, decided again on every message."""
from bot.nlu import language


def test_a_sentence_the_nlu_recognised_sets_its_language():
    assert language.choose("we would like to export to Germany next year", detected="en", previous="it") == "en"


def test_a_word_that_settles_it_switches_even_a_short_message():
    assert language.choose("yes", previous="it") == "en"
    assert language.choose("grazie", previous="en") == "it"


def test_a_bare_number_or_town_keeps_the_conversations_language():
    assert language.choose("30", previous="en") == "en"
    assert language.choose("Bergamo", detected="it", previous="en", answering=True) == "en"


def test_the_channels_hint_sets_the_start():
    assert language.choose("30k", channel_hint="en") == "en"
    assert language.choose("30k") == "it"


def test_the_hint_does_not_override_a_message_in_the_other_language():
    assert language.choose("ciao", channel_hint="en") == "it"


def test_a_button_payload_keeps_the_language():
    assert language.choose('/inform{"exhibitor": "new"}', previous="en") == "en"


def test_the_language_asked_for_by_name():
    assert language.requested("in English please") == "en"
    assert language.requested("parla italiano") == "it"
    assert language.requested("speak Italian") == "it"
    assert language.requested("ciao") is None


def test_the_widget_and_telegram_hints_are_read():
    assert language.hint({"language": "en"}) == "en"
    assert language.hint({"language_code": "en-GB"}) == "en"
    assert language.hint({"message": {"from": {"language_code": "it"}}}) == "it"
    assert language.hint({"language": "fr"}) is None and language.hint("en") is None


def test_the_nlu_language_entity_is_read_when_single():
    assert language.entity_language([{"entity": "language", "value": "en"}]) == "en"
    assert language.entity_language([{"entity": "language", "value": "de"}]) is None
