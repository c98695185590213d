"""Settings of the Hilversum loneliness portal.

Every value comes from an environment variable with a safe default for local use, so production
differs from a laptop only by its environment (see the settings table in README.md).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# The default key only serves local runs; `check --deploy` flags it, so production must set one.
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-local-only-key-for-hilversum-portal")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The portal's own address, for links in e-mails (which have no request to build them from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "hilversum_eenzaamheid",
    "wijken",
    "coalitie",
    "aanbod",
    "meldpunt",
    "pijlers",
    "monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hilversum_eenzaamheid.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hilversum_eenzaamheid.urls"
WSGI_APPLICATION = "hilversum_eenzaamheid.wsgi.application"

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
                "hilversum_eenzaamheid.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite under var/ for the embedded default, PostgreSQL in production and tests.
if not env.str("DATABASE_URL", default=""):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT spent seconds compiling the search's facet query that runs in 0.3 s.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Per process: data that almost never changes and is read on busy public pages (the wijken,
# the blank meldpunt form). A network round trip to Redis would cost as much as the query.
# Changes clear it in the process that made them; others see them within LOCAL_CACHE_SECONDS.
CACHES["local"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"}
LOCAL_CACHE_SECONDS = 300

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "werkruimte"
LOGOUT_REDIRECT_URL = "home"

# Internationalisation: Dutch first, English prepared.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# STATIC_MANIFEST=true (set in the Docker image) serves hashed, compressed names written by
# `collectstatic`; without it files come straight from the source folders (local runs, tests).
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the source folders when nobody ran collectstatic (local runs, tests).
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)
WHITENOISE_AUTOREFRESH = DEBUG

# E-mail: console locally; smtp://user:pass@host:port or smtp+tls://… in production.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Where EMAIL_URL=filemail:// writes its messages (tests of separate worker processes use it).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Eenzaamheid Hilversum <noreply@hilversum.nl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis as broker when configured; without a broker every task runs in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request must never hang on a broker that is down (see PITFALLS.md): fail fast instead.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "hilversum_eenzaamheid.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=0),
    },
    "aanbod-reindex": {
        "task": "aanbod.tasks.reindex_all",
        "schedule": crontab(hour=0, minute=5),
    },
    "aanbod-freshness": {
        "task": "aanbod.tasks.freshness_check",
        "schedule": crontab(hour=7, minute=0),
    },
    "meldpunt-deadlines": {
        "task": "meldpunt.tasks.deadline_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "meldpunt-anonymise": {
        "task": "meldpunt.tasks.anonymise",
        "schedule": crontab(hour=2, minute=30),
    },
    # The outbox: whatever could not be sent at once (broker or mail server down) goes now.
    "meldpunt-send-pending": {
        "task": "meldpunt.tasks.send_pending_notifications",
        "schedule": 60.0,
    },
    # Join requests of organisations whose e-mail could not go out at the time.
    "coalitie-send-unsent-aanmeldingen": {
        "task": "coalitie.tasks.send_unsent_aanmeldingen",
        "schedule": 900.0,
    },
    # GGD files uploaded while the broker was down, or whose worker died, are queued again.
    "monitoring-waiting-imports": {
        "task": "monitoring.tasks.run_waiting_imports",
        "schedule": 300.0,
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sociale kaart: how long a rendered search result may be reused (a change resets it at once).
AANBOD_SEARCH_CACHE_SECONDS = env.int("AANBOD_SEARCH_CACHE_SECONDS", default=120)

# Coalitie: the kartrekker's address receives requests of organisations that want to join.
KARTREKKER_EMAIL = env.str("KARTREKKER_EMAIL", default="")
# A handful of join requests an hour from one address is plenty; more is a program.
COALITIE_AANMELDING_RATE_LIMIT = env.str("COALITIE_AANMELDING_RATE_LIMIT", default="5/h")

# Meldpunt. The coördinator's address gets triage notices even when no account has one.
MELDPUNT_COORDINATOR_EMAIL = env.str("MELDPUNT_COORDINATOR_EMAIL", default="")
MELDPUNT_FIRST_CONTACT_WORKDAYS = env.int("MELDPUNT_FIRST_CONTACT_WORKDAYS", default=2)
MELDPUNT_RATE_LIMIT = env.str("MELDPUNT_RATE_LIMIT", default="10/h")
MELDPUNT_MIN_FILL_SECONDS = env.int("MELDPUNT_MIN_FILL_SECONDS", default=3)
# Logged attempts to reach someone before NIET_BEREIKT may be chosen.
MELDPUNT_CONTACT_ATTEMPTS = env.int("MELDPUNT_CONTACT_ATTEMPTS", default=3)
# Days after closing: the reporter's contact details go first, all other personal data later.
MELDPUNT_RETENTION_CONTACT_DAYS = env.int("MELDPUNT_RETENTION_CONTACT_DAYS", default=30)
MELDPUNT_RETENTION_DAYS = env.int("MELDPUNT_RETENTION_DAYS", default=365)
# A form posted without a valid CSRF token (an old tab, cookies off) gets a friendly page.
CSRF_FAILURE_VIEW = "meldpunt.views.csrf_failure"

# Demo accounts created by `manage.py seed_demo` all get this password.
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="hilversum-demo")

# Security. HTTPS=true in production turns on secure cookies, redirects and HSTS.
HTTPS = env.bool("HTTPS", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits count per client address; behind the proxy that is the address it passes on,
# or every resident would share the proxy's one address.
RATELIMIT_IP_META_KEY = env.str(
    "RATELIMIT_IP_META_KEY", default="HTTP_X_REAL_IP" if BEHIND_PROXY else "REMOTE_ADDR"
)
# The health check is polled over plain HTTP by the container runtime.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every step of a render at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
