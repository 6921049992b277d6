"""WSGI entry point: gunicorn serves HTTP through Django; WebSockets stay on Daphne (asgi.py)."""

import os

from django.core.wsgi import get_wsgi_application

# The same settings module as config/asgi.py, so both servers run the same site.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# A WSGI worker serves one request at a time on one thread: it keeps its SQLite connection
# between requests (config/env.py) instead of opening the file and setting it up on every one.
os.environ.setdefault("SQLITE_KEEP_CONNECTION", "1")

# Sets Django up (settings checks, app registry, the apps' ready()) before the first request,
# as asgi.py does, so a bad configuration stops the worker at boot rather than on a request.
application = get_wsgi_application()
