"""A whole check through Telegram, in the user's Telegram language: the FACTS.md worked example
(25 employees, 4 million turnover, Bergamo, 30 % exports, 3 balance sheets, consultancy 10,000,
initiatives 70,000, training 5,000) gives a grant of €21,828.00 / 21.828,00 €. Answers are
typed, or pressed when the bot offers them as buttons; then the loan plan is chosen with the
buttons it offers (their payloads may exceed Telegram's 64 bytes: tokens then)."""
import pytest

from tests.telegram.conftest import texts

# The answer to each question, chosen by words in it (first match wins), so the test follows
# the bot whatever the order or wording of its questions.
FACTS = {
    "en": [(("pre-amortisation", "repay"), "I don't know"), (("employees",), "25"), (("turnover",), "4 million"),
           (("consultancy",), "10,000"), (("initiatives",), "70,000"), (("training",), "5,000"),
           (("municipality", "province"), "Bergamo"), (("exports", "business volume"), "30%"),
           (("balance sheets", "tax returns"), "3")],
    "it": [(("preammortamento", "restituire"), "non so"), (("dipendenti",), "25"), (("fatturato",), "4 milioni"),
           (("consulenza",), "10.000"), (("iniziative",), "70.000"), (("formazione",), "5.000"),
           (("comune", "provincia"), "Bergamo"), (("esportazioni", "volume d'affari"), "30%"),
           (("bilanci approvati", "dichiarazioni dei redditi"), "3")],
}
OPENING = {"en": "Am I eligible for the Verso Nuovi Mercati call?", "it": "Possiamo partecipare a Verso Nuovi Mercati?"}
GRANT = {"en": "€21,828.00", "it": "21.828,00\u00a0€"}
PLAN_BUTTONS = {"en": ("4 years", "12 months"), "it": ("4 anni", "12 mesi")}
MAX_TURNS = 20


def answer_to(lang: str, question: str) -> str | None:
    lowered = question.casefold()
    return next((answer for words, answer in FACTS[lang] if any(word in lowered for word in words)), None)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_worked_example_reaches_its_verdict(telegram, lang):
    anna = telegram.user(lang)
    replies = anna.says(OPENING[lang])
    for _ in range(MAX_TURNS):
        if GRANT[lang] in texts(replies):
            break
        question = replies[-1]
        answer = answer_to(lang, question.params["text"])
        assert answer is not None, f"a question the test has no answer for: {question.params['text']}"
        buttons = [b for row in question.inline_keyboard or [] for b in row]
        button = next((b for b in buttons if b["text"].casefold() == answer.casefold()), None)
        if button:
            replies = anna.presses(button["callback_data"], on_message=question)
        else:
            replies = anna.says(answer)
    verdict = texts(replies)
    assert GRANT[lang] in verdict  # whole: never split between the figure and its sign
    assert all(len(call.params["text"]) <= 4096 for call in replies)
    assert all(call.chat_id == str(anna.chat_id) for call in replies)

    # The loan plan offered after the verdict, chosen with the buttons.
    for wanted in PLAN_BUTTONS[lang]:
        offer = replies[-1]
        buttons = {b["text"]: b["callback_data"] for row in offer.inline_keyboard or [] for b in row}
        if wanted not in buttons:
            break
        replies = anna.presses(buttons[wanted], on_message=offer)
    assert wanted == PLAN_BUTTONS[lang][-1], "the bot offered a loan plan by duration, then pre-amortisation"
    assert "€" in texts(replies)
