"""Refusals of a user's loan choice, worded in both languages from bot/texts/*/funding.yaml."""
from __future__ import annotations

from bot import texts
from bot.funding.result import FundingInputError


def input_error(field: str, key: str, **values) -> FundingInputError:
    return FundingInputError(field, texts.t("it", key, **values), texts.t("en", key, **values))
