import re

from bot import texts


def test_every_sentence_exists_in_both_languages():
    it, en = texts.catalogue("it"), texts.catalogue("en")
    assert sorted(set(it) ^ set(en)) == []


def test_translations_use_the_same_placeholders():
    it, en = texts.catalogue("it"), texts.catalogue("en")
    mismatched = [k for k in it if texts.placeholders(it[k]) != texts.placeholders(en[k])]
    assert mismatched == []


# The second person singular: Orienta speaks to a firm with "voi", everywhere (widget and
# Telegram included). A word here would be a "tu" form.
_TU_FORMS = re.compile(r"\b(?:tu|ti|te|tuo|tua|tuoi|tue|hai|sei|puoi|vuoi|devi|sai|scrivi|scrivimi|chiedi|prova\s+a|"
                       r"riprova|dimmi|dammi|fammi|indicami|rispondi|premi|apri|clicca|potrai|avrai|"
                       r"volevi|dirti|darti|aiutarti|chiederti|mostrarti|ricontattarti)\b", re.IGNORECASE)


def test_italian_speaks_to_the_firm_with_voi():
    tu = {key: text for key, text in texts.catalogue("it").items()
          if _TU_FORMS.search(text) and not key.startswith("widget.demo.title")}
    assert tu == {}
