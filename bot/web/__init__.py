"""The website widget: its static files (static/), the small server that serves them with a
demo host page (server.py), and the socket.io channel Rasa loads for it (socketio_channel.py,
the only module here that imports Rasa)."""
