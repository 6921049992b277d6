"""WSGI entry point: gunicorn serves HTTP through Django; WebSockets stay on Daphne (asgi.py)."""

import os

from django.core.wsgi import get_wsgi_application

# The same settings module as config/asgi.py, so both servers run the same site.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Sets Django up (settings checks, app registry, the apps' ready()) before the first request,
# as asgi.py does, so a bad configuration stops the worker at boot rather than on a request.
application = get_wsgi_application()
