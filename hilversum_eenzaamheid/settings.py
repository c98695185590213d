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
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "hilversum_eenzaamheid",
    "hilversum_eenzaamheid.accounts",
    "wijken",
    "coalitie",
    "aanbod",
    "meldpunt",
    "pijlers",
    "monitoring",
]

MIDDLEWARE = [
    # First, so that every log line of a request, and its response, carry the request id.
    "hilversum_eenzaamheid.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers (issue #7), high up so the static files and the 503 page get them too.
    "csp.middleware.CSPMiddleware",
    "hilversum_eenzaamheid.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Above everything that reads or writes the database (sessions, users, messages), so their
    # failures become the 503 page too, and that page passes through nothing that needs it.
    "hilversum_eenzaamheid.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so a missing slash is added to /en/… addresses too.
    "hilversum_eenzaamheid.middleware.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed the second login step? (django-otp)
    "hilversum_eenzaamheid.access_middleware.SessionOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Access (issue #7): idle timeout first, then the second step; both use messages.
    "hilversum_eenzaamheid.access_middleware.IdleTimeoutMiddleware",
    "hilversum_eenzaamheid.access_middleware.SecondFactorMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
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
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT spent seconds compiling the search's facet query that runs in 0.3 s.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    # psycopg prepares a server-side bound statement on its fifth run on a connection. Only
    # the one-statement write of a melding binds on the server (meldpunt/insert.py); Django's
    # own queries bind on the client and are never prepared. Behind a connection pooler in
    # transaction mode, prepared statements need PgBouncer 1.21+ with max_prepared_statements.
    DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 5)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "hilversum_eenzaamheid.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Per process: data that almost never changes and is read on busy public pages (the wijken,
# the blank meldpunt form). A network round trip to Redis would cost as much as the query.
# Changes clear it in the process that made them; others see them within LOCAL_CACHE_SECONDS.
# It keeps the objects themselves, not pickled copies: what comes out is shared, read-only.
CACHES["local"] = {
    "BACKEND": "hilversum_eenzaamheid.cache.SharedObjectsCache",
    "LOCATION": "local",
}
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

# Access (issue #7). Lock-out by django-axes: the backend refuses a locked login before the
# password is checked; the middleware shows the lock-out page.
AUTHENTICATION_BACKENDS = [
    "hilversum_eenzaamheid.accounts.backends.WebLoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures are counted per account name and, separately, per address: either one locks.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Hours, as axes reads a float; the lock lifts by itself after this.
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", default=15) / 60
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "hilversum_eenzaamheid.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "hilversum_eenzaamheid.accounts.lockout.client_ip"
# Keep no row with address and browser per successful login, and no account names in logs.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Second step (django-otp): after each wrong code the wait doubles (1, 2, 4 … seconds).
OTP_TOTP_ISSUER = "Gemeente Hilversum"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Failed-login rows (account name, IP address, browser) are deleted after this many days.
LOGIN_FAILURE_RETENTION_DAYS = env.int("LOGIN_FAILURE_RETENTION_DAYS", default=30)
# Sessions end after 30 idle minutes (IdleTimeoutMiddleware) and when the browser closes;
# the cookie age only lets `clearsessions` remove what was left behind. Visitors without an
# account get no session at all.
STAFF_IDLE_SECONDS = env.int("STAFF_IDLE_MINUTES", default=30) * 60
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A reset link works for an hour, and only until the password has changed.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)
PASSWORD_RESET_RATE_LIMIT = env.str("PASSWORD_RESET_RATE_LIMIT", default="5/h")

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
# kombu's Redis transport, publishing through one client instead of a new one per task
# (hilversum_eenzaamheid/broker.py). TLS (rediss://) keeps kombu's own.
if CELERY_BROKER_URL.startswith("redis://"):
    CELERY_BROKER_TRANSPORT = "hilversum_eenzaamheid.broker:Transport"
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
    # Between nightly reindexes: what happened this morning no longer sorts first as "next".
    "aanbod-reindex-passed": {
        "task": "aanbod.tasks.reindex_passed",
        "schedule": 600.0,
    },
    "aanbod-folders": {
        "task": "aanbod.tasks.render_folders",
        "schedule": crontab(hour=0, minute=20),
    },
    "aanbod-freshness": {
        "task": "aanbod.tasks.freshness_check",
        "schedule": crontab(hour=7, minute=0),
    },
    "meldpunt-deadlines": {
        "task": "meldpunt.tasks.deadline_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "accounts-forget-login-failures": {
        "task": "accounts.forget_login_failures",
        "schedule": crontab(hour=2, minute=45),
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
    # Evaluation PDFs asked for while the broker was down, or whose worker died, are queued again.
    "monitoring-waiting-rapporten": {
        "task": "monitoring.tasks.run_waiting_rapporten",
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
# Database sessions that refuse a forged cookie before it reaches the database (sessions.py).
SESSION_ENGINE = "hilversum_eenzaamheid.sessions"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# Forms carry the token in a hidden field and no script reads the cookie (htmx only GETs).
CSRF_COOKIE_HTTPONLY = True
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
# Content-Security-Policy (django-csp): scripts, styles and everything else only from the
# portal itself, and no inline script or style attribute (templates use static files), so
# injected markup cannot run. Browsers report what the policy blocked to /csp-report/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the SVG icons in Bootstrap's CSS (checkboxes, select arrows).
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report/",
    },
}
# hilversum_eenzaamheid/headers.py: features no page of the portal uses, for nobody.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
# /.well-known/security.txt (RFC 9116): where to report a vulnerability.
SECURITY_TXT_CONTACTS = env.list("SECURITY_TXT_CONTACTS", default=["mailto:security@hilversum.nl"])
SECURITY_TXT_POLICY = env.str("SECURITY_TXT_POLICY", default="")

# Logs: one JSON object per line in production, readable text with DEBUG. Every line has the
# request id (or the Celery task id); e-mail addresses and phone numbers are masked on the way
# out (hilversum_eenzaamheid/logs.py). The portal logs ids, never what people typed.
LOG_FORMAT = env.str("LOG_FORMAT", default="") or ("text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise environ.ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
# The worker keeps this configuration instead of replacing the root handler with its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "context": {"()": "hilversum_eenzaamheid.logs.ContextFilter"},
        "personal_data": {"()": "hilversum_eenzaamheid.logs.PersonalDataFilter"},
    },
    "formatters": {
        "json": {"()": "hilversum_eenzaamheid.logs.JsonFormatter"},
        "text": {"()": "hilversum_eenzaamheid.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["context", "personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Through the one handler above instead of Django's own ones, so every line looks alike.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # runserver's request lines hold the query string: left out, RequestIdMiddleware logs
        # every request without it.
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": True},
        "celery.task": {"handlers": ["console"], "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every step of a render at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
