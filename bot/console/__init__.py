"""The advisor console: the Lombardia Point desks triage, follow up and report on the enquiries
the chat collects. A Sanic application (bot/console/app.py) over the enquiry store's database."""
