"""The project's configuration package: imported first by every process (manage.py, gunicorn's
config.wsgi, Daphne's config.asgi, the worker), before anything loads numpy."""

import os

# One BLAS thread per process: a search's query embedding (forum/search/embeddings.py) is a
# small matrix product, and OpenBLAS's own threads fight the other processes for the cores.
# Measured at 100,000 posts: search p95 151 ms with the default, 47 ms with one (docs/search.md).
# An operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
