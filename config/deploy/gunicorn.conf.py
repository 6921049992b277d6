"""gunicorn settings for the HTTP side: `gunicorn -c config/deploy/gunicorn.conf.py config.wsgi`.

WebSockets are Daphne's (config/asgi.py); gunicorn only ever sees plain HTTP requests.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"

# Loopback by default: nginx (or another proxy) in front is the only client; a deployment that
# binds elsewhere says so explicitly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Sync workers: every view is short, database-bound sync Django code, and the slow clients
# (uploads, keep-alive, sockets) are buffered by nginx or served by Daphne, so one request per
# process is the simplest shape that is also the fastest here (docs/decisions.md, issue 19).
worker_class = "sync"

# gunicorn's own rule of thumb: 2 * cores + 1 keeps the cores busy while some workers wait on
# the database; WEB_CONCURRENCY (the usual platform variable) overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))

# A worker silent this long is stuck (a runaway query, a dead service without a timeout):
# the master kills and replaces it rather than letting it hold a slot for ever.
timeout = 30

# On SIGTERM, in-flight requests get this long to finish before workers are killed, so a
# systemd or container stop (which waits about 10 s before SIGKILL) ends cleanly.
graceful_timeout = 10

# Request logging is the application's (one line per request with its id): no second log here.
accesslog = None
# Errors (boot failures, worker timeouts) to stderr, where systemd and containers collect them.
errorlog = "-"

# Whether a request came over HTTPS, and from whom, is Django's decision (config/proxy.py,
# TRUST_PROXY_HEADERS): gunicorn would otherwise believe X-Forwarded-Proto from loopback itself.
forwarded_allow_ips = ""

# gunicorn's run-time control socket (`gunicornc`) is not used: signals (HUP, TERM) do its work,
# and several masters on one machine (tests, make run beside a deployment) would share its path.
control_socket_disable = True


def post_worker_init(worker) -> None:
    """Say when a worker has loaded the site and takes requests ("Booting worker" is said at
    the fork, seconds earlier): what a deploy, or a test, waits for. Meanwhile, the models a
    first search or post would otherwise wait for are loaded beside it (config/warmup.py)."""
    import threading

    from config import warmup

    threading.Thread(target=warmup.warm, args=(worker.log,), name="warm-up", daemon=True).start()
    worker.log.info("Worker ready (pid: %s)", worker.pid)
