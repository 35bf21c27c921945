"""gunicorn settings for a production node: `gunicorn -c deploy/gunicorn.conf.py`."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Pages are short and database-bound: a few sync workers per core serve a province's clerks.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60
graceful_timeout = 30
max_requests = 2000  # recycle workers to bound memory growth over weeks of uptime
max_requests_jitter = 200
accesslog = "-"
wsgi_app = "parindex.wsgi:application"
