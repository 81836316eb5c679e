"""The alert dialogue without a database: consent, the address, the store's calls, 'annulla', stop,
and the check's question coming back afterwards."""
import pytest

from bot.conversation.state import Services
from bot.texts import t
from tests.unit.chat import Chat


class FakeStore:
    def __init__(self, fail: Exception | None = None):
        self.subscriptions, self.fail = [], fail

    def subscribe(self, **values):
        if self.fail:
            raise self.fail
        self.subscriptions.append(values)

    def stop(self, channel, address):
        ended = [s for s in self.subscriptions if (s["channel"], s["address"]) == (channel, address)]
        self.subscriptions = [s for s in self.subscriptions if s not in ended]
        return len(ended)


def chat_on(channel: str, store: FakeStore, lang: str = "it", conversation_id: str = "777",
            forget: bool = False) -> Chat:
    """A chat whose alert services are `store`'s (with `forget`, "delete my data" erases in it too)."""
    chat = Chat(lang=lang)
    chat.services = Services(channel=channel, conversation_id=conversation_id, subscribe_alerts=store.subscribe,
                             stop_alerts=store.stop, forget_alerts=store.stop if forget else None)
    return chat


def test_by_email_consent_then_address_then_the_series_of_the_call_named():
    store = FakeStore()
    chat = chat_on("rest", store)
    reply = chat.say("avvisatemi quando esce il nuovo Bando Export", intent="ask")
    assert t("it", "alerts.consent.email") in reply
    assert chat.say("sì", intent="affirm") == t("it", "chat.alerts.ask_email")
    assert chat.say("non è un indirizzo", intent="inform") == t("it", "chat.alerts.invalid_email")
    chat.say("Anna.Bianchi@example.it", intent="inform")
    [sub] = store.subscriptions
    assert (sub["channel"], sub["address"], sub["language"]) == ("email", "Anna.Bianchi@example.it", "it")
    assert sub["families"] == ["bando-export"] and sub["consent_version"]


def test_on_telegram_the_chat_is_the_address_and_stop_needs_no_question():
    store = FakeStore()
    chat = chat_on("telegram", store, "en")
    assert t("en", "alerts.consent.telegram") in chat.say("Alert me", intent="ask")
    assert chat.say("yes", intent="affirm") == t("en", "chat.alerts.subscribed_telegram")
    assert store.subscriptions[0]["address"] == "777" and store.subscriptions[0]["families"] == []
    assert chat.say("stop alerts", intent="ask") == t("en", "chat.alerts.stopped")
    assert store.subscriptions == []


@pytest.mark.parametrize("answer, intent, key", [("no", "deny", "chat.alerts.declined"),
                                                 ("annulla", "inform", "chat.alerts.cancelled")])
def test_no_or_cancel_keeps_nothing_and_the_check_question_comes_back(answer, intent, key):
    store = FakeStore()
    chat = chat_on("rest", store)
    chat.say("/check_eligibility")
    question = chat.say("siamo 12 dipendenti", intent="inform").splitlines()[-1]
    chat.say("avvisatemi", intent="ask")
    reply = chat.say(answer, intent=intent)
    assert reply.splitlines() == [t("it", key), question]
    assert store.subscriptions == []


def test_a_store_that_is_down_is_said_and_nothing_crashes():
    chat = chat_on("telegram", FakeStore(fail=OSError("database down")))
    chat.say("avvisatemi", intent="ask")
    assert chat.say("sì", intent="affirm") == t("it", "chat.alerts.down")


@pytest.mark.parametrize("text", ["fatemi sapere se siamo ammissibili", "let me know if we qualify"])
def test_let_me_know_if_we_qualify_is_no_alert_request(text):
    store = FakeStore()
    reply = chat_on("rest", store).say(text, intent="check_eligibility")
    assert t("it", "alerts.consent.email") not in reply and t("en", "alerts.consent.email") not in reply


def test_delete_my_data_removes_the_facts_and_erases_the_subscriptions():
    store = FakeStore()
    chat = chat_on("telegram", store, forget=True)
    chat.say("siamo 12 dipendenti a Bergamo", intent="inform")
    chat.say("avvisatemi", intent="ask")
    chat.say("sì", intent="affirm")
    assert chat.say("cancellate i miei dati", intent="ask") == t("it", "chat.forget.done")
    assert chat.state.facts == {} and store.subscriptions == []
    assert chat.state.erase_conversation  # the tracker store erases the conversation on saving


def test_on_telegram_the_chat_address_is_the_conversation_without_its_channel():
    store = FakeStore()
    chat = chat_on("telegram", store, conversation_id="telegram:777", forget=True)
    chat.say("siamo 12 dipendenti a Bergamo", intent="inform")
    chat.say("avvisatemi", intent="ask")
    chat.say("sì", intent="affirm")
    assert [s["address"] for s in store.subscriptions] == ["777"]


def test_delete_my_data_also_strips_the_contact_details_of_the_enquiries_sent():
    forgotten = []
    chat = Chat(lang="en")
    chat.services = Services(channel="rest", conversation_id="rest:anna",
                             forget_enquiries=lambda conversation: forgotten.append(conversation) or 2)
    reply = chat.say("please delete my data", intent="ask")
    assert forgotten == ["rest:anna"] and t("en", "chat.forget.enquiries", count=2) in reply
    assert chat.state.erase_conversation


def test_delete_my_data_outside_telegram_asks_the_alerts_address_and_no_is_fine():
    store = FakeStore()
    chat = chat_on("rest", store, "en", forget=True)
    chat.say("we have 12 employees", intent="inform")
    reply = chat.say("please delete my data", intent="ask")
    assert reply.splitlines() == [t("en", "chat.forget.facts"), t("en", "chat.forget.ask_email")]
    assert chat.state.facts == {} and not chat.state.erase_conversation  # the address is still to come
    assert chat.say("no", intent="deny") == t("en", "chat.forget.no_email")
    assert chat.state.erase_conversation
