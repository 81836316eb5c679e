"""Alerts: telling a firm when a call fits it, and posting new calls on a public Telegram channel.

`python -m bot alerts --dry-run | --send` (bot/alerts/run.py) compares the catalogue, judged on
today's date for each subscription's facts, with what each address was already told. The
subscriptions live in the store (bot/store/alerts.py: subscribe, unsubscribe, forget).
"""
