"""Long replies are cut where a reader would cut them, never inside a word or an amount."""
from hypothesis import given, settings, strategies as st

from bot.channels.splitting import TELEGRAM_TEXT_LIMIT, split_message, utf16_length


def test_a_short_reply_is_one_message():
    assert split_message("Sì: la tua impresa può partecipare.") == ["Sì: la tua impresa può partecipare."]


def test_a_reply_is_cut_between_paragraphs_first():
    first, second = "a" * 3000, "b" * 3000
    assert split_message(f"{first}\n\n{second}") == [first, second]


def test_without_a_paragraph_break_it_is_cut_between_lines():
    lines = ["riga " * 500, "linea " * 500]  # each about 2,500-3,000 characters
    text = "\n".join(line.strip() for line in lines)
    assert split_message(text) == [line.strip() for line in lines]


def test_a_paragraph_break_is_preferred_to_a_later_line_break():
    text = "uno due\n\ntre quattro\ncinque"
    assert split_message(text, limit=20) == ["uno due", "tre quattro\ncinque"]


def test_without_line_breaks_it_is_cut_between_words():
    assert split_message("contributo a fondo perduto", limit=12) == ["contributo a", "fondo", "perduto"]


def test_an_italian_amount_stays_whole():
    # The limit falls on the space inside "21.828,00 €": the cut moves before the amount.
    text = "contributo 21.828,00 € totale"
    assert split_message(text, limit=21) == ["contributo", "21.828,00 € totale"]


def test_two_amounts_in_a_row_may_be_parted_between_them():
    assert split_message("21.828,00 € 70.941,00 €", limit=15) == ["21.828,00 €", "70.941,00 €"]


def test_a_euro_sign_before_the_digits_stays_with_them():
    assert split_message("spesa di € 30.000 prevista", limit=12) == ["spesa di", "€ 30.000", "prevista"]


def test_a_percentage_written_with_a_space_stays_whole():
    assert split_message("export al 30 % del fatturato", limit=12) == ["export al", "30 % del", "fatturato"]


def test_a_no_break_space_is_never_a_cut():
    assert split_message("aaaa bbbb\u00a0cccc", limit=10) == ["aaaa", "bbbb\u00a0cccc"]


def test_only_a_word_longer_than_a_message_is_cut_inside():
    url = "https://example.org/" + "x" * 30
    assert split_message(f"vedi {url}", limit=20) == ["vedi", url[:20], url[20:40], url[40:]]


def test_emoji_count_twice_as_telegram_counts_them():
    text = "🙂" * 3000  # 6,000 UTF-16 units, one "word"
    parts = split_message(text)
    assert [utf16_length(part) for part in parts] == [4096, 6000 - 4096]


def test_blank_text_gives_no_message():
    assert split_message(" \n\n ") == []


# --- properties --------------------------------------------------------------------------------

AMOUNTS = ["21.828,00 €", "€21,828.00", "€ 30.000", "30%", "30 %", "1 000"]
letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàèéìòù«»🙂", min_size=1, max_size=12)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàèéìòù0123456789.,:;!?«»🙂", min_size=1, max_size=15)
# As in the bot's sentences, an amount follows a word ("contributo 21.828,00 €"): "0 € 30.000"
# would be ambiguous even to a person.
phrase = st.tuples(letters, st.one_of(word, st.sampled_from(AMOUNTS)))
separator = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "])


@st.composite
def replies(draw):
    tokens = [t for pair in draw(st.lists(phrase, min_size=1, max_size=60)) for t in pair]
    separators = draw(st.lists(separator, min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, separators)), tokens


@settings(max_examples=300, deadline=None)
@given(replies(), st.integers(min_value=30, max_value=300))
def test_every_part_fits_and_nothing_is_lost_or_broken(reply, limit):
    text, tokens = reply
    parts = split_message(text, limit=limit)
    assert all(part and part == part.strip() for part in parts)
    assert all(utf16_length(part) <= limit for part in parts)
    # Words (none is longer than the limit here) arrive whole and in order.
    assert [w for part in parts for w in part.split()] == text.split()
    # Each amount lies inside one message.
    joined_by_cut = "\x00".join(parts)
    for amount in AMOUNTS:
        if amount in text:
            assert joined_by_cut.count(amount) == text.count(amount)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=9000))
def test_any_text_fits_telegram(text):
    assert all(0 < utf16_length(part) <= TELEGRAM_TEXT_LIMIT for part in split_message(text))
