"""The conversation's logic, without Rasa: which facts a message gives, what to ask next, how a
short answer is read in the light of the last question, and what the bot says back.

The Rasa actions (actions/) only turn the tracker into a `state.Turn`, call one handler
(`replies`, `topics`) and send back what it said and remembered.
"""
