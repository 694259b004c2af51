"""Settings for Returnee Portal, read from the environment (12-factor).

DEBUG is off unless the environment turns it on; with DEBUG off this is the production
configuration and SECRET_KEY must be set. See README.md for every variable.
"""

from pathlib import Path

import django.conf.locale
import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# --- Core -------------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)

# A fixed key only for development; with DEBUG off an unset SECRET_KEY stops Django at its
# first use ("The SECRET_KEY setting must not be empty").
SECRET_KEY = env.str(
    "SECRET_KEY", default="development-only-not-secret-returnee-portal" if DEBUG else ""
)

# Earlier keys, still accepted for what they signed (sessions, password-reset links, import
# previews) while SECRET_KEY is rotated: README, Operations.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The site's public address, for every absolute link the portal prints or sends (password
# links from create_associate, reminder e-mails, translation files); never taken from a
# request's Host header. System check returnee_portal.E003 refuses a malformed one.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- E-mail -----------------------------------------------------------------------------------
# Printed to stderr unless EMAIL_URL names an SMTP server, e.g.
# EMAIL_URL=smtp+tls://user:password@mail.example.org:587 (README, Configuration).

if "EMAIL_URL" in env:
    vars().update(env.email("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "rest_framework",
    "returnee_portal",
    "services",
    "guides",
    "search",
    "reports",
    "translations",
    "api",
    "offline",
    "demo",
]

MIDDLEWARE = [
    # Outermost: every response, error pages included, carries its request's id (logs.py).
    "returnee_portal.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp), Permissions-Policy, Cross-Origin-Resource-Policy;
    # above WhiteNoise, so static files carry them too.
    "csp.middleware.CSPMiddleware",
    "returnee_portal.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the cache (never stale: see pagecache.py); above GZip, so
    # a page is stored compressed.
    "returnee_portal.pagecache.PageCacheMiddleware",
    # Pages gzipped for phones on slow connections (budget: HTML+CSS under 30 KB gzipped).
    # After WhiteNoise, which sends its own precompressed files; before every middleware that
    # reads or changes the body. BREACH: pages that carry a secret (the CSRF token of forms)
    # are covered by Django's per-response token masking and GZipMiddleware's random padding
    # ("Heal the BREACH").
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout raised during login into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "returnee_portal.urls"
WSGI_APPLICATION = "returnee_portal.wsgi.application"

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
                "returnee_portal.context_processors.languages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (postgres://user:pass@host:port/name); unset, SQLite in the
# project folder is the embedded default for development.

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Connections kept for CONN_MAX_AGE seconds instead of opened for every request (a PostgreSQL
# connection costs more than a cached page); checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers read while one writes (WAL), and a write waits for the lock
    # from its start instead of failing halfway ("database is locked").
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the public pages (returnee_portal/pagecache.py), the rate limits and the
# login lockouts, so every worker and server must share it. The embedded default is a table
# in the database (created by migration returnee_portal/0004_cache_table); production may
# use Redis or Memcached: CACHE_URL=redis://127.0.0.1:6379/0.
if "CACHE_URL" in env:
    CACHES = {"default": env.cache("CACHE_URL")}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 4},
        }
    }

# The open data API (api/): Django REST framework, read-only, anonymous, JSON only (no
# browsable API: it would need scripts and styles the Content-Security-Policy refuses), and
# throttled per client address in the shared cache: API_RATE requests, e.g. "120/minute".
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # `format` is an HSDS parameter (api/params.py), not DRF's choice of renderer.
    "URL_FORMAT_OVERRIDE": None,
}
API_RATE = env.str("API_RATE", default="120/minute")

# The offline copy (offline/): how many pages a phone keeps of those it opened, besides the
# ones it was asked to keep ("keep for offline"); the oldest go first.
OFFLINE_VISITED_PAGES = env.int("OFFLINE_VISITED_PAGES", default=300)

# django-import-export keeps an uploaded file between its preview and the confirmation: in
# the shared cache, not the temp folder, so the confirmation may reach any worker or server
# (and a file name sent back by the browser is only ever a cache key, never a path).
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"

# The page cache of anonymous public pages (returnee_portal/pagecache.py); PAGECACHE=0 turns
# it off (the benchmark's "cold" runs).
PAGECACHE_ENABLED = env.bool("PAGECACHE", default=True)

# --- Logging ----------------------------------------------------------------------------------
# Warnings and errors (every 5xx among them: Django logs each response of 500 and over as an
# error, with its traceback) to stderr, one JSON line each with the request id
# (returnee_portal/logs.py); the process manager (systemd, Docker) keeps and rotates them.

LOG_LEVEL = env.str("LOG_LEVEL", default="WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "returnee_portal.logs.JsonLineFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handlers (console in DEBUG, mail to ADMINS) give way to the root's.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
    },
}

# --- Authentication ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock out a username only from the address that guessed it: the associate can still log in
# from elsewhere, and one address cannot lock out everybody.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address as the proxy reports it (returnee_portal/client.py), so a lockout hits
# the attacker's address and not every colleague behind the same proxy.
AXES_CLIENT_IP_CALLABLE = "returnee_portal.client.client_address"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
# The lockout page: translated, says how long it lasts, sends Retry-After.
AXES_LOCKOUT_CALLABLE = "returnee_portal.views.login_lockout"
CSRF_FAILURE_VIEW = "returnee_portal.views.csrf_failure"

# Only admin users get a session (public pages set no cookie); it ends after two idle hours.
SESSION_COOKIE_AGE = 60 * 60 * 2
SESSION_SAVE_EVERY_REQUEST = True

# --- Languages --------------------------------------------------------------------------------
# Content is stored in five languages (modeltranslation fields); Serbian Cyrillic (`sr`) is an
# interface language that shows the Serbian (Latin) content. Serbian Latin is the default and
# the fallback for any missing translation.

LANGUAGE_CODE = "sr-latn"
LANGUAGES = [
    ("sr-latn", _("Serbian (Latin)")),
    ("sr", _("Serbian (Cyrillic)")),
    ("rom", _("Romani")),
    ("sq", _("Albanian")),
    ("de", _("German")),
    ("en", _("English")),
]
# Django ships no locale info for Romani; without it get_language_info("rom") raises KeyError.
LANG_INFO = {
    "rom": {"bidi": False, "code": "rom", "name": "Romani", "name_local": "Romanes"},
}
django.conf.locale.LANG_INFO.update(LANG_INFO)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats for Romani, which Django has none for (it would show English ones).
FORMAT_MODULE_PATH = ["returnee_portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Belgrade"

MODELTRANSLATION_DEFAULT_LANGUAGE = "sr-latn"
MODELTRANSLATION_LANGUAGES = ("sr-latn", "rom", "sq", "de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("sr-latn",)

# --- Static files -----------------------------------------------------------------------------

STATIC_URL = "/static/"
# Where `collectstatic` writes the files WhiteNoise serves (per release, production settings).
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Security ---------------------------------------------------------------------------------
# With DEBUG off the site runs behind a proxy that terminates HTTPS and sets X-Forwarded-Proto.

# The proxies (addresses or networks) whose X-Forwarded-For is believed: the client's address
# for rate limits and lockouts (returnee_portal/client.py). None by default, so a client that
# reaches gunicorn directly cannot choose its address.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Only allows a submission to the browsers' preload list (hstspreload.org); sending the
    # directive enrols nothing by itself.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Strict: only the portal's own files, no inline script or style, no plugins, no framing, no
# <base> rewriting. Public pages have no script at all; the admin's scripts are files (the
# few inline style attributes of the admin's and its add-ons' templates are cosmetic and are
# blocked). data: images: the empty favicon of base.html and the admin's SVG icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Django 6 makes https the default scheme of URL form fields; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True
