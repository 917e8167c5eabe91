"""gunicorn's settings for GNV-portalen; gunicorn reads this file from the folder it starts in:

    gunicorn gnv_portal.wsgi

Flags on the command line (or GUNICORN_CMD_ARGS) override what is here, e.g. `--bind 127.0.0.1:8001`.
"""

import multiprocessing

bind = "127.0.0.1:8000"  # nginx in front (deploy/nginx-gnv-portalen.conf); never exposed directly
workers = 2 * multiprocessing.cpu_count() + 1
# Pages answer in well under a second; exports and the report read in the browser take a few.
# A worker silent for longer is stuck and is replaced (report PDFs are built by db_worker).
timeout = 60
graceful_timeout = 30
keepalive = 5
# A fresh worker now and then keeps memory in check (plotly, pandas and WeasyPrint are large).
max_requests = 1000
max_requests_jitter = 100
# The heartbeat file in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm"
# Only the proxy on this machine may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1,::1"
# Both logs to stdout/stderr, which systemd keeps in the journal.
accesslog = "-"
errorlog = "-"
# The usual combined format, plus how long the portal took (tools/loadtest.py reads it too).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
# The control socket would live in the service user's home; the portal does not use it.
control_socket_disable = True
