"""Channels people reach Orienta through, beyond Rasa's REST channel.

`telegram.py` is the Rasa adapter (the only module here that imports Rasa); the rest is plain
Python it builds on: reading Updates and deciding what to do (telegram_updates), the Bot API
client (bot_api), settings (telegram_settings), inline keyboards (keyboards) and cutting long
replies at Telegram's limit (splitting).
"""
