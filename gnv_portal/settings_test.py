"""Settings for the test suite: the normal settings, made fast and self-contained."""

import os

os.environ.setdefault("GNV_SECRET_KEY", "test-only-secret-key-" + "t" * 40)
os.environ.setdefault("GNV_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("GNV_ALLOW_SQLITE", "true")  # the SQLite run of the suite
os.environ.setdefault("GNV_STATIC_MANIFEST", "false")
os.environ.setdefault("GNV_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from gnv_portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic in tests
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
# Axes logs every log-in at INFO; in tests and benchmarks that is noise.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "axes": {"level": "WARNING"}}}  # noqa: F405
# SQLite tests run on a file, as the portal does: concurrent requests (tests/kernel/test_double_submit.py)
# need SQLite's real locking, which an in-memory database shared between threads does not have.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}  # noqa: F405
