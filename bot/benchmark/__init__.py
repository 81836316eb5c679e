"""`python -m bot.benchmark` (`make bench`): how well Orienta understands and how fast it answers.

Prints the NLU 5-fold cross-validation scores (intent macro-F1, entity F1 per extractor) and the
reply latency (p50/p95) at 1 and 20 concurrent conversations for Orienta and, in the same run,
for a stock `rasa init` assistant, with their ratio. A measurement, never a test: nothing here
asserts a target, it prints the figures next to it.

Rasa is only run as a subprocess (training, `rasa test nlu`, the servers); its report files are
read as JSON. Everything it writes goes under test-artifacts/benchmark/.
"""
