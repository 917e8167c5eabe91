"""Settings for GNV-portalen, read from the environment (see README, "Inställningar")."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import plotly
from django.core.exceptions import ImproperlyConfigured

from gnv_portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("GNV_DEBUG", False)

SECRET_KEY = env_str("GNV_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "GNV_SECRET_KEY saknas: sätt GNV_SECRET_KEY i drift, eller GNV_DEBUG=true på en utvecklingsdator "
            "(make run skriver en lokal .env med båda)."
        )
    SECRET_KEY = "dev-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = env_list("GNV_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("GNV_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "gnv_portal.apps.GNVAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "gnv_portal.apps.GNVStaticFilesConfig",  # django.contrib.staticfiles
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "gnv_portal.apps.AxesConfig",
    "django_tasks",
    "gnv_portal.apps.TasksConfig",
    "gnv_portal.apps.GNVPortalConfig",
    "selfassessment",
    "infographic",
    "reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gnv_portal.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gnv_portal.middleware.SecurityHeadersMiddleware",
    # Must be last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gnv_portal.urls"
WSGI_APPLICATION = "gnv_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gnv_portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("GNV_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # PostgreSQL is the production database; SQLite (make run, trials, tests) is for one machine.
    if not DEBUG and not env_bool("GNV_ALLOW_SQLITE", False):
        raise ImproperlyConfigured(
            "I drift behöver GNV-portalen PostgreSQL: sätt DATABASE_URL=postgres://användare:lösenord@värd/databas "
            "(se README, avsnittet Drift). Bara för ett försök på en enda dator kan GNV_ALLOW_SQLITE=true "
            "tillåta SQLite."
        )
    # Concurrent writers: a transaction takes the write lock when it begins (no deadlock when a
    # reader turns writer), waits up to 20 s for it, and readers never block the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20,
                                       "init_command": "PRAGMA journal_mode=WAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "gnv_portal.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # RSS staff may do everything, also in the admin, without per-model permissions.
    "gnv_portal.backends.RSSPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link is valid for one day

# Brute-force protection: lock a user name from one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("GNV_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("GNV_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Django's log-in form posts the e-mail address as "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

INVITATION_VALID_DAYS = env_int("GNV_INVITATION_VALID_DAYS", 14)
# The infographic's comparison colours: the top and bottom share of all areas (our own cut-offs,
# since Kolada does not publish its own).
GNV_COMPARISON_SHARE = env_str("GNV_COMPARISON_SHARE", "0.25")
try:
    if not 0 < float(GNV_COMPARISON_SHARE) <= 0.5:
        raise ValueError
except ValueError:
    raise ImproperlyConfigured(
        f"GNV_COMPARISON_SHARE ska vara ett tal större än 0 och högst 0.5, inte {GNV_COMPARISON_SHARE!r}."
    ) from None

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Off: it would print years and ids as "2 024" (also inside links). Amounts are formatted
# explicitly with gnv_portal.formatting (the |sv_number filter).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("GNV_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end files straight from the packages that ship them: Bootstrap from npm, plotly.js from
# inside the Python plotly package (so the browser and the Python side agree on its version).
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist" / "css"),
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist" / "js"),
    ("vendor/plotly", Path(plotly.__file__).parent / "package_data"),
]
MEDIA_ROOT = Path(env_str("GNV_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("GNV_STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Files served at the site's root, e.g. /favicon.ico, which browsers ask for on every page.
WHITENOISE_ROOT = BASE_DIR / "public"
# Pages name only hashed files ({% static %}); the unhashed copies would be compressed for nothing.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

TASKS = {
    "default": {
        "BACKEND": env_str("GNV_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A report build or Kolada fetch not finished this long after it was started is marked failed
# (its worker was stopped); RSS can then start it again (gnv_portal/background.py).
GNV_TASK_TIMEOUT = timedelta(minutes=env_int("GNV_TASK_TIMEOUT_MINUTES", 30))

EMAIL_BACKEND = env_str(
    "GNV_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("GNV_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("GNV_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("GNV_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("GNV_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("GNV_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("GNV_DEFAULT_FROM_EMAIL", "GNV-portalen <gnv-portalen@rssdalarna.se>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where a locked form tells the respondent to turn.
RSS_CONTACT_EMAIL = env_str("GNV_RSS_CONTACT_EMAIL", "rss@regiondalarna.se")
# The portal's address in e-mails sent in the background (receipts, scheduled reminders),
# where there is no request to take it from.
SITE_URL = env_str("GNV_SITE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}").rstrip("/")

# Production hardening; `manage.py check --deploy` must print no warnings with GNV_DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("GNV_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("GNV_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("GNV_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("GNV_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_AGE = 60 * 60 * 10  # a working day
X_FRAME_OPTIONS = "DENY"
# The health URL answers the proxy and monitoring on the machine itself, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^halsa/$"]
# Sent on every response (gnv_portal.middleware.SecurityHeadersMiddleware), also with GNV_DEBUG on,
# so that the browser tests run under it. Scripts only from the portal's own files: no inline
# script anywhere (chart data travels as JSON in <script type="application/json">, which is not run).
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Styles only from the portal's files, with two exceptions, both made by plotly.js (4.1.1, the
    # copy inside the Python package) when it loads (plotly.js issues #2355 and #7543: the separate
    # plotly.css of #7109 is no longer built). It creates an empty <style> and fills it through the
    # CSS object model (addStyleRule; CSP lets scripts change styles through the DOM, but the
    # element itself counts as inline), and it injects the stylesheet of its bundled MapLibre (maps,
    # unused here). Their two hashes allow exactly those two elements, so no 'unsafe-inline' is
    # needed. A new plotly.js may change the second: every browser test then fails with the new
    # hash in the message. style="" attributes in markup are refused.
    "style-src": "'self'",
    "style-src-elem": " ".join([
        "'self'",
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",  # sha256 of "": plotly's rule sheet
        "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='",  # MapLibre's CSS in plotly.js 4.1.1
    ]),
    "style-src-attr": "'none'",
    # Bootstrap draws its icons (menu button, select arrow, check marks) as data: SVG; plotly's
    # "download as image" button makes a data: image.
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# The annual report read in the browser: no script, its stylesheet inline, figures as data: images.
CONTENT_SECURITY_POLICY_DOCUMENT = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "img-src": "data:",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}

# To stdout, which systemd keeps in the journal: one line per record; a request error carries the
# method, status and user id, never posted data (gnv_portal/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "gnv_portal.logging.OneLineFormatter",
                 "format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env_str("GNV_LOG_LEVEL", "INFO")},
    # Django's own handlers would print request errors a second time (and mail ADMINS): only the root's.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
