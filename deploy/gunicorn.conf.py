"""gunicorn settings for a production node: `gunicorn -c deploy/gunicorn.conf.py`."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Pages are CPU-bound (template rendering and the scoring engine, not the database): about two
# processes per core keep both cores busy without a long queue, and a second thread per worker
# lets it take another request while one waits on the database (bench/load.py measures this).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60
graceful_timeout = 30
max_requests = 2000  # recycle workers to bound memory growth over weeks of uptime
max_requests_jitter = 200
accesslog = "-"
wsgi_app = "parindex.wsgi:application"
