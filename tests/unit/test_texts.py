from bot import texts


def test_every_sentence_exists_in_both_languages():
    it, en = texts.catalogue("it"), texts.catalogue("en")
    assert sorted(set(it) ^ set(en)) == []


def test_translations_use_the_same_placeholders():
    it, en = texts.catalogue("it"), texts.catalogue("en")
    mismatched = [k for k in it if texts.placeholders(it[k]) != texts.placeholders(en[k])]
    assert mismatched == []
