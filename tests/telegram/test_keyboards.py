"""Rasa buttons become inline keyboards whose callback_data always fits Telegram's 64 bytes."""
from bot.channels.keyboards import CALLBACK_DATA_LIMIT, CallbackPayloads, inline_keyboard

LONG_PAYLOAD = '/inform{"vnm_consultancy": "10000", "vnm_initiatives": "70000", "vnm_training": "5000"}'


def test_a_short_payload_travels_as_it_is():
    assert CallbackPayloads().data_for("/affirm") == "/affirm"


def test_a_long_payload_travels_as_a_short_token_and_comes_back():
    payloads = CallbackPayloads()
    data = payloads.data_for(LONG_PAYLOAD)
    assert len(data.encode()) <= CALLBACK_DATA_LIMIT
    assert payloads.payload_for(data) == LONG_PAYLOAD


def test_the_limit_is_in_bytes_not_characters():
    accented = '/inform{"comune": "Cantù", "province": "CO", "note": "cittàà"}'  # 62 characters, 65 bytes
    assert len(accented) <= CALLBACK_DATA_LIMIT < len(accented.encode())
    payloads = CallbackPayloads()
    data = payloads.data_for(accented)
    assert data != accented and payloads.payload_for(data) == accented


def test_the_same_long_payload_gets_the_same_token():
    payloads = CallbackPayloads()
    assert payloads.data_for(LONG_PAYLOAD) == payloads.data_for(LONG_PAYLOAD)


def test_a_token_from_before_a_restart_is_unknown():
    token = CallbackPayloads().data_for(LONG_PAYLOAD)
    assert CallbackPayloads().payload_for(token) is None


def test_a_short_payload_that_looks_like_a_token_is_still_tokenised():
    payloads = CallbackPayloads()
    data = payloads.data_for("~not-a-token")
    assert data != "~not-a-token" and payloads.payload_for(data) == "~not-a-token"


def test_the_oldest_long_payloads_are_forgotten_beyond_capacity():
    payloads = CallbackPayloads(capacity=2)
    first, second, third = (payloads.data_for(LONG_PAYLOAD + str(i)) for i in range(3))
    assert payloads.payload_for(first) is None
    assert payloads.payload_for(second) == LONG_PAYLOAD + "1"
    assert payloads.payload_for(third) == LONG_PAYLOAD + "2"


def test_short_titles_share_rows_of_three():
    buttons = [{"title": f"{n} anni", "payload": f"{n} anni"} for n in (3, 4, 5, 6)]
    rows = inline_keyboard(buttons, CallbackPayloads())["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [["3 anni", "4 anni", "5 anni"], ["6 anni"]]


def test_long_titles_get_a_row_each():
    buttons = [{"title": "Nuovo espositore", "payload": "/inform{\"exhibitor\": \"new\"}"},
               {"title": "Espositore abituale", "payload": "/inform{\"exhibitor\": \"frequent\"}"},
               {"title": "Non so", "payload": "non so"}]
    rows = inline_keyboard(buttons, CallbackPayloads())["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [["Nuovo espositore"], ["Espositore abituale"], ["Non so"]]


def test_a_button_with_a_url_opens_the_page():
    rows = inline_keyboard([{"title": "Bandi e Servizi", "url": "https://www.bandi.regione.lombardia.it"}],
                           CallbackPayloads())["inline_keyboard"]
    assert rows == [[{"text": "Bandi e Servizi", "url": "https://www.bandi.regione.lombardia.it"}]]


def test_a_button_without_a_title_is_left_out():
    assert inline_keyboard([{"title": " ", "payload": "/affirm"}], CallbackPayloads()) is None
