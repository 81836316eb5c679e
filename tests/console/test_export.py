"""The queue as CSV, read back the way Italian Excel reads it."""
from __future__ import annotations

import csv
import io


def _read(reply) -> list[dict]:
    raw = reply.content
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_the_filtered_queue_of_the_advisors_desk(console):
    client = console.login("anna@example.it")
    reply = client.get(f"{console.url}/enquiries.csv")
    assert reply.headers["Content-Type"].startswith("text/csv")
    rows = _read(reply)
    found = {r["riferimento"] for r in rows}
    assert {console.references["bergamo_new"], console.references["bergamo_old"]} <= found
    assert console.references["brescia"] not in found and all(r["sportello"] == "bergamo" for r in rows)
    only_en = _read(client.get(f"{console.url}/enquiries.csv?language=en"))
    assert console.references["bergamo_old"] in [r["riferimento"] for r in only_en]
    assert all(r["lingua"] == "en" for r in only_en)


def test_amounts_have_a_decimal_comma_and_texts_keep_their_accents(console):
    rows = _read(console.login("anna@example.it").get(f"{console.url}/enquiries.csv"))
    row = next(r for r in rows if r["riferimento"] == console.references["bergamo_new"])
    assert row["investimento_eur"] == "120000"
    assert row["impresa"] == "Tessiture Orobiche srl" and row["sportello"] == "bergamo"
