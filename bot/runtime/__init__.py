"""Running Orienta's servers: train the model when its inputs change, start and stop the
action server and the Rasa server, chat with them from a terminal.

Shared by `make run` / `make chat` (bot.runtime.__main__) and the test suite (tests/conftest.py),
so the tests start the assistant exactly the way a person does. Rasa itself is only ever run
as a subprocess: nothing here imports it.
"""
