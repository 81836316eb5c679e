"""Channels people reach Orienta through.

`telegram.py` and `rest.py` are Rasa adapters (the only modules here that import Rasa); the rest
is plain Python they build on: what every channel checks first (guard), reading Updates and deciding what to do (telegram_updates), the Bot API
client (bot_api), settings (telegram_settings), inline keyboards (keyboards) and cutting long
replies at Telegram's limit (splitting).
"""
