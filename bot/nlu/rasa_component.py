"""Rasa adapter: OrientaEntityExtractor runs bot.nlu.extract on every message.

Referenced from config.yml as `bot.nlu.rasa_component.OrientaEntityExtractor`. It learns
nothing (rules and lookups), persists nothing and downloads nothing: its lookups come from
installed packages and the catalogue. They are built when the component is created, so the
first message is as fast as the others. This is the only module of bot/ that imports Rasa.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.pipeline import extract
from bot.nlu.warm import warm_up

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class OrientaEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Amounts, shares, headcounts, places, countries, calls... (see bot/nlu) as Rasa entities."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OrientaEntityExtractor:
        warm_up()
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # training examples keep their own annotations

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self._entities(message.get(TEXT))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def _entities(self, text: Optional[Text]) -> List[Dict[Text, Any]]:
        if not isinstance(text, str):
            return []
        try:
            found = [entity.as_rasa() for entity in extract(text)]
        except Exception:  # a bug here must cost the entities of one message, never the server
            logger.exception("entity extraction failed on a message of %d characters", len(text))
            return []
        return self.add_extractor_name(found)
