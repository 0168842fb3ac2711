"""Settings of Portail allocataires, read from the environment (see .env.example).

Defaults make `make run` work on a laptop: SQLite, local memory cache, Celery tasks run in-process.
Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.env import broker_url_default, env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

# A key that only development may use: with DEBUG off it is refused, like a missing one.
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY") or (DEVELOPMENT_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The portal's public address, printed in full on paper letters (a bare path means nothing on paper).
PUBLIC_URL_DEFAULT = "http://127.0.0.1:8000"
PORTAL_PUBLIC_URL = env_url("PORTAL_PUBLIC_URL", PUBLIC_URL_DEFAULT, schemes=("https", "http")).rstrip("/")

# Offline emulators of FranceConnect+ and of the income data service: development and tests only.
EMULATORS_ENABLED = env_bool("EMULATORS_ENABLED", default=DEBUG)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "widget_tweaks",
    "dsfr",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "portal",
    "portal.accounts",
    "benefits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.admission.AdmissionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The agents' second factor (user.is_verified(), benefits.desk.auth) is known right after the user:
    # a page refused further down (a NUL in the address, the simulator's 429) still shows an agent the
    # agent's header, not the allocataire's (benefits/desk/context_processors.py).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.channels.ChannelMiddleware",
    # One error path: problem+json under /api/, DSFR pages elsewhere (portal/errors.py).
    "portal.errors.ErrorPathMiddleware",
    "benefits.simulator.throttle.SimulatorRateLimitMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "benefits.desk.context_processors.desk",
            ],
        },
    },
]
FORM_RENDERER = "dsfr.forms.DsfrDjangoTemplates"
DSFR_MARK_OPTIONAL_FIELDS = True

DATABASES = {
    "default": dj_database_url.parse(
        env_url(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            schemes=("sqlite", "postgres", "postgresql"),
        ),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log, synced at checkpoints: a commit no longer waits for several fsyncs of a rollback
    # journal (measured: 21-27 ms per stored simulation, the whole form path's limit on SQLite,
    # docs/capacity.md); readers never block the writer. A power cut may lose the last commits, never
    # corrupt the file. PostgreSQL (production) is not concerned.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    # Under `make run` a campaign's thread writes while people use the site. A transaction that reads
    # and then writes ("deferred", SQLite's default) fails at once with "database is locked" when
    # another writer committed in between (a letter opened during a campaign did); taking the write
    # lock at BEGIN makes it wait its turn instead, up to `timeout` seconds.
    options["transaction_mode"] = "IMMEDIATE"
    options["timeout"] = env_int("SQLITE_BUSY_TIMEOUT", 20, minimum=1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Least-privilege roles on PostgreSQL (portal/database_roles.py, `manage.py db_roles`): the owner runs
# the migrations, the portal connects as the application role (INSERT and SELECT only on the journal).
DATABASE_OWNER_ROLE = env_str("DATABASE_OWNER_ROLE", "portal_owner")
DATABASE_APP_ROLE = env_str("DATABASE_APP_ROLE", "portal_app")
# Bodies of form posts (the API has its own limit, 512 KiB): above, a 413 page (portal/errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024, minimum=1024)

REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss"))
if REDIS_URL:
    # KEY_PREFIX: processes sharing one Redis database keep apart (each pytest-xdist process of a run on
    # one TEST_REDIS_URL, tests/conftest.py); empty by default, as before.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: a real worker when a broker is configured, tasks run in-process otherwise. The broker has its
# own URL (Redis or RabbitMQ), never the cache's database: a cache clear (FLUSHDB) would delete the
# queued tasks. Unset, it is the cache's Redis server on the next database (portal/env.py).
CELERY_BROKER_URL = env_url(
    "CELERY_BROKER_URL", broker_url_default(REDIS_URL), schemes=("redis", "rediss", "amqp", "amqps")
)
BROKER_IS_REDIS = CELERY_BROKER_URL.startswith(("redis://", "rediss://"))
CELERY_RESULT_BACKEND = (CELERY_BROKER_URL if BROKER_IS_REDIS else REDIS_URL) or "cache+memory://"
# Without one, tasks run in-process (eager). Celery's eager apply_async still takes a producer from the
# pool to read its serializer, a kombu connection to this in-memory transport that never leaves the
# process; the URL names a host because without one kombu warns "No hostname was supplied" each time.
IN_PROCESS_BROKER_URL = "memory://localhost/"
CELERY_BROKER_URL = CELERY_BROKER_URL or IN_PROCESS_BROKER_URL
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == IN_PROCESS_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
# Results: a letter's or a campaign's task writes its outcome in the database and nobody reads its
# Celery result, so none is stored (no celery-task-meta-* key piling up in Redis). The only task whose
# result is read, the health ping of /healthz, says so itself (ignore_result=False) and /healthz forgets
# it once read; the expiry bounds one left behind by a /healthz that gave up waiting.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 600

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "espace:home"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions live in the database so that a restart never logs anybody out; with a cache shared by
# every worker (Redis), reads come from the cache and the database is only written through.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60, minimum=60)
# Saved only when changed: saving on every request lets a concurrent request (a second tab, the
# browser's favicon request) write back a stale copy over answers just saved.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("STATIC_MANIFEST", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Without collectstatic (development, tests), WhiteNoise serves straight from the finders.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", default=True)
MEDIA_ROOT = BASE_DIR / "media"

# Security baseline. Outside DEBUG, cookies are Secure and HSTS is sent.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF] + env_list("CSP_FORM_ACTION", []),
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Date of the last automated accessibility check, shown on the accessibility statement.
ACCESSIBILITY_LAST_CHECK = env_str("ACCESSIBILITY_LAST_CHECK", "2026-11-22")
SITE_NAME = "Portail allocataires"
# A dedicated kiosk deployment (self-service PCs in CAF offices): short sessions, no "remember me".
KIOSK_MODE = env_bool("KIOSK_MODE", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Functions called by `manage.py load_demo_data` (make run); each must be idempotent.
DEMO_DATA_LOADERS: list[str] = ["benefits.claims.demo.load_demo_files"]

# --- Simulator and public API ---
# Days a finished simulation is kept for its resume link (then `manage.py purge_simulations` erases it).
SIMULATION_RETENTION_DAYS = env_int("SIMULATION_RETENTION_DAYS", 30, minimum=1)
# Requests per minute and per client address on the public API (POST /api/v1/simulate).
API_RATE_LIMIT_PER_MINUTE = env_int("API_RATE_LIMIT_PER_MINUTE", 60, minimum=1)
# Behind a reverse proxy: the header it sets to the client's address (e.g. X-Real-IP), used by the
# API's rate limit instead of REMOTE_ADDR. Empty (default): REMOTE_ADDR, no header is trusted.
API_CLIENT_IP_HEADER = env_str("API_CLIENT_IP_HEADER", "")

# --- FranceConnect+ ---
# Login with FranceConnect+ through django-allauth (portal.accounts.fcplus, docs/franceconnect-plus.md).
# Without FCPLUS_CLIENT_ID and with the emulators on (make run, tests), the portal logs in against its
# own offline emulator over loopback HTTP; `make run` points FCPLUS_ISSUER at its host and port.
# Scopes FC+ knows (one per pivot claim, plus the aliases); the portal asks only for what it keeps.
FCPLUS_KNOWN_SCOPES = frozenset(
    {"openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "email"}
    | {"preferred_username", "profile", "birth", "identite_pivot"}
)
# With the emulators on and no real client configured, the portal is a client of its own emulator.
FCPLUS_USES_EMULATOR = EMULATORS_ENABLED and not env_str("FCPLUS_CLIENT_ID")
FCPLUS_CLIENT_ID = env_str("FCPLUS_CLIENT_ID") or (
    "portail-allocataires-emulateur" if FCPLUS_USES_EMULATOR else ""
)
FCPLUS_CLIENT_SECRET = env_str("FCPLUS_CLIENT_SECRET") or (
    "emulator-only-client-secret-never-use-with-franceconnect" if FCPLUS_USES_EMULATOR else ""
)
FCPLUS_ISSUER = env_url(
    "FCPLUS_ISSUER",
    "http://127.0.0.1:8000/_fcplus/api/v2" if FCPLUS_USES_EMULATOR else "",
    schemes=("https", "http") if EMULATORS_ENABLED else ("https",),
).rstrip("/")
if FCPLUS_CLIENT_ID and not (FCPLUS_CLIENT_SECRET and FCPLUS_ISSUER):
    raise ImproperlyConfigured("FCPLUS_CLIENT_ID needs FCPLUS_CLIENT_SECRET and FCPLUS_ISSUER.")
# eidas2 (substantial) or eidas3 (high); a login at a higher level than asked is accepted.
FCPLUS_ACR_VALUES = env_str("FCPLUS_ACR_VALUES", "eidas2")
if FCPLUS_ACR_VALUES not in ("eidas2", "eidas3"):
    raise ImproperlyConfigured(f"FCPLUS_ACR_VALUES must be eidas2 or eidas3, got {FCPLUS_ACR_VALUES!r}")
FCPLUS_SCOPES = env_list(
    "FCPLUS_SCOPES",
    ["openid", "given_name", "family_name", "birthdate", "birthplace", "birthcountry", "email"],
)
if "openid" not in FCPLUS_SCOPES or not set(FCPLUS_SCOPES) <= FCPLUS_KNOWN_SCOPES:
    raise ImproperlyConfigured(
        f"FCPLUS_SCOPES must include openid and only FC+ scopes, got {FCPLUS_SCOPES!r}"
    )
# The portal's private decryption keys (a JWK Set in JSON), from the environment or a secret file.
# Missing keys with FC+ configured and the emulators off stop the start-up (portal.accounts.fcplus.apps).
FCPLUS_PRIVATE_JWKS = env_str("FCPLUS_PRIVATE_JWKS")
FCPLUS_PRIVATE_JWKS_FILE = env_str("FCPLUS_PRIVATE_JWKS_FILE")
# Emulators only, when no key is configured: "file" keeps generated keys in FCPLUS_DEV_KEYS_DIR
# (gitignored) so that they survive a restart, "memory" (tests) keeps them in the process.
FCPLUS_DEV_KEYS = env_str("FCPLUS_DEV_KEYS", "file")
if FCPLUS_DEV_KEYS not in ("file", "memory"):
    raise ImproperlyConfigured(f"FCPLUS_DEV_KEYS must be file or memory, got {FCPLUS_DEV_KEYS!r}")
FCPLUS_DEV_KEYS_DIR = BASE_DIR / "var" / "dev-keys"
# Back-channel calls (discovery, JWKS, token, userinfo): seconds before giving up, and clock leeway.
FCPLUS_HTTP_TIMEOUT = env_int("FCPLUS_HTTP_TIMEOUT", 5, minimum=1)
FCPLUS_CLOCK_LEEWAY = env_int("FCPLUS_CLOCK_LEEWAY", 30, minimum=0)
if FCPLUS_CLOCK_LEEWAY > 60:
    raise ImproperlyConfigured("FCPLUS_CLOCK_LEEWAY must be at most 60 seconds (FC+ tokens live 60 s).")
# The key-wrapping algorithm the emulator uses for this portal (FC+ fixes it at registration).
FCPLUS_EMULATOR_ENC_ALG = env_str("FCPLUS_EMULATOR_ENC_ALG", "RSA-OAEP-256")
if FCPLUS_EMULATOR_ENC_ALG not in ("RSA-OAEP-256", "ECDH-ES"):
    raise ImproperlyConfigured(
        f"FCPLUS_EMULATOR_ENC_ALG must be RSA-OAEP-256 or ECDH-ES, got {FCPLUS_EMULATOR_ENC_ALG!r}"
    )

INSTALLED_APPS += ["portal.accounts.fcplus"]
if EMULATORS_ENABLED:
    INSTALLED_APPS += ["portal.fcplus_emulator"]
_fcplus_app = {"name": "FranceConnect+", "client_id": FCPLUS_CLIENT_ID, "secret": FCPLUS_CLIENT_SECRET}
SOCIALACCOUNT_PROVIDERS = {"fcplus": {"APPS": [_fcplus_app]}} if FCPLUS_CLIENT_ID else {}
# allauth: FranceConnect+ only for the public (no local signup, password or e-mail login; staff use
# the admin), accounts created from the pivot identity, no e-mail verification, no stored tokens.
SOCIALACCOUNT_ONLY = True
ACCOUNT_ADAPTER = "portal.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "portal.accounts.adapters.SocialAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
# The login button and the logout form post to the portal, which redirects to FC+: allow its origin.
if FCPLUS_ISSUER:
    SECURE_CSP["form-action"].append("{0.scheme}://{0.netloc}".format(urlsplit(FCPLUS_ISSUER)))

# --- Claims and income data ---
# The monthly income data service (montant net social). With the emulators on, the portal's own
# offline emulator over loopback; INCOME_API_TOKEN is the bearer token of the real service.
INCOME_API_URL = env_url(
    "INCOME_API_URL",
    "http://127.0.0.1:8000/_revenus/api/v1" if EMULATORS_ENABLED else "",
    schemes=("https", "http") if EMULATORS_ENABLED else ("https",),
)
INCOME_API_TOKEN = env_str("INCOME_API_TOKEN")
# Seconds before giving up on one call, and how many more tries after a time-out or a server error.
INCOME_API_TIMEOUT = env_int("INCOME_API_TIMEOUT", 2, minimum=1)
INCOME_API_RETRIES = env_int("INCOME_API_RETRIES", 1, minimum=0)

# --- Letters (docs/letters.md) ---
# The PDFs live on a private storage, never under STATIC_ROOT nor MEDIA_URL: the inbox view serves them
# to their owner only. "filesystem" (default: LETTERS_ROOT, written atomically) or "s3" (django-storages,
# bucket private, no public URL).
LETTERS_STORAGE = env_str("LETTERS_STORAGE", "filesystem")
if LETTERS_STORAGE == "s3":
    STORAGES["letters"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("LETTERS_S3_BUCKET"),
            "endpoint_url": env_str("LETTERS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("LETTERS_S3_REGION") or None,
            "location": "letters",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }
elif LETTERS_STORAGE == "filesystem":
    STORAGES["letters"] = {
        "BACKEND": "benefits.letters.storing.AtomicFileSystemStorage",
        "OPTIONS": {"location": env_str("LETTERS_ROOT", str(BASE_DIR / "private" / "letters"))},
    }
else:
    raise ImproperlyConfigured(f"LETTERS_STORAGE must be 'filesystem' or 's3', not {LETTERS_STORAGE!r}")
# Attempts before a letter is marked failed (retries with backoff in between), and the hard time limit
# of one rendering; the broker's visibility timeout stays above it, so an unacknowledged letter task
# (acks_late) is redelivered only when its worker is really gone.
LETTERS_MAX_ATTEMPTS = env_int("LETTERS_MAX_ATTEMPTS", 5, minimum=1)
LETTERS_TASK_TIME_LIMIT = env_int("LETTERS_TASK_TIME_LIMIT", 120, minimum=20)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=LETTERS_TASK_TIME_LIMIT + 5)
}
# One message at a time per worker process: a long render does not hold other letters hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# WeasyPrint and fontTools log each rendering step at INFO: keep its warnings (a missing glyph, a blocked URL) only.
LOGGING["loggers"]["weasyprint.progress"] = {"level": "WARNING"}
LOGGING["loggers"]["fontTools"] = {"level": "WARNING"}

# --- Launch day: admission control and the simulator's rate limit (docs/capacity.md) ---
# Requests doing Django work at once in each worker process (0: no limit). Beyond, 503 + Retry-After
# and the waiting page at once. It must stay below the worker's threads (GUNICORN_THREADS).
ADMISSION_LIMIT = env_int("ADMISSION_LIMIT", 4, minimum=0)
# gunicorn's poller (portal/gunicorn_worker.py) answers the waiting page itself to a newcomer when
# this many requests already wait for a thread (0: never; the gate above still applies).
ADMISSION_QUEUE_LIMIT = env_int("ADMISSION_QUEUE_LIMIT", 4, minimum=0)
# Slots only requests with a live session (a journey under way, a logged-in person) may take.
ADMISSION_RESERVE = env_int("ADMISSION_RESERVE", 1, minimum=0)
# How long a request with a session may wait for a slot before it too gets the waiting page.
ADMISSION_PRIORITY_WAIT_MS = env_int("ADMISSION_PRIORITY_WAIT_MS", 500, minimum=0)
# Seconds after which the waiting page reloads itself (and the Retry-After header).
ADMISSION_RETRY_AFTER = env_int("ADMISSION_RETRY_AFTER", 10, minimum=1)
# POSTs per minute and per client address on the simulator (429 and a French page beyond).
SIMULATOR_RATE_LIMIT_PER_MINUTE = env_int("SIMULATOR_RATE_LIMIT_PER_MINUTE", 60, minimum=1)
# --- Channels: kiosk PCs and agents (docs/channels.md) ---
# A kiosk visitor idle this many seconds is warned (with JavaScript), then the session ends by itself.
KIOSK_IDLE_SECONDS = env_int("KIOSK_IDLE_SECONDS", 4 * 60, minimum=30)
KIOSK_WARNING_SECONDS = env_int("KIOSK_WARNING_SECONDS", 60, minimum=10)
if KIOSK_WARNING_SECONDS >= KIOSK_IDLE_SECONDS:
    raise ImproperlyConfigured("KIOSK_WARNING_SECONDS must be shorter than KIOSK_IDLE_SECONDS.")
# The office named on the band of a dedicated kiosk deployment (KIOSK_MODE=true).
KIOSK_OFFICE = env_str("KIOSK_OFFICE", "")
# Agents: the session ends after this many idle seconds (the agent signs in again, with a new code).
AGENT_IDLE_SECONDS = env_int("AGENT_IDLE_SECONDS", 15 * 60, minimum=60)
# Searches for a file, per agent and per minute.
DESK_SEARCHES_PER_MINUTE = env_int("DESK_SEARCHES_PER_MINUTE", 20, minimum=1)
# The agents' second factor: TOTP devices of django-otp (benefits.desk.auth).
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
OTP_TOTP_ISSUER = SITE_NAME
# /gestion/ never shows an agent's TOTP secret or its QR code once the device exists: whoever reads it
# (a supervisor, or anyone on their screen) holds that agent's second factor. A new device's key can
# still be typed in when it is added; `agent_create` prints the secret to the agent alone.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# django_otp's OTPMiddleware sits right after AuthenticationMiddleware, above.
MIDDLEWARE += [
    "portal.kiosk.middleware.KioskMiddleware",
    "benefits.desk.middleware.AgentMiddleware",
]
DEMO_DATA_LOADERS += ["benefits.desk.demo.load_demo_agent"]
# Campaigns (benefits/campaigns, docs/campaigns.md): their own Celery queue, so that letters and the
# portal's tasks are never starved; one task at a time per worker process (prefetch 1), acknowledged
# late; the Redis visibility time-out must exceed the longest chunk, or a slow chunk is delivered twice
# (harmless, but wasted work).
CAMPAIGNS_QUEUE = env_str("CAMPAIGNS_QUEUE", "campaigns")
CELERY_TASK_ROUTES = {"campaigns.*": {"queue": CAMPAIGNS_QUEUE}}
# Prefetch 1 and the visibility time-out are set above with the letters (the same broker options).
CELERY_BROKER_TRANSPORT_OPTIONS |= {
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10, minimum=1),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10, minimum=1),
}
CAMPAIGN_CHUNK_SIZE = env_int("CAMPAIGN_CHUNK_SIZE", 1000, minimum=1)
CAMPAIGN_CHUNK_RETRIES = env_int("CAMPAIGN_CHUNK_RETRIES", 3, minimum=0)
CAMPAIGN_RETRY_BACKOFF = env_int("CAMPAIGN_RETRY_BACKOFF", 10, minimum=0)
CAMPAIGN_PAYMENT_CUTOFF_DAYS = env_int("CAMPAIGN_PAYMENT_CUTOFF_DAYS", 3, minimum=0)
# The sweep (benefits/campaigns/sweep.py, `celery -A portal beat`): a running campaign without a chunk
# done for CAMPAIGN_SWEEP_AFTER seconds (above the longest chunk) has its queued chunks enqueued again.
# Without a broker (eager Celery, `make run`), a launched campaign runs in a background thread of the
# web process instead of inside the operator's request (development only: `make run` sets it).
CAMPAIGNS_RUN_IN_THREAD = env_bool("CAMPAIGNS_RUN_IN_THREAD", False)
CAMPAIGN_SWEEP_AFTER = env_int("CAMPAIGN_SWEEP_AFTER", 600, minimum=1)
CAMPAIGN_SWEEP_INTERVAL = env_int("CAMPAIGN_SWEEP_INTERVAL", 300, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "campaigns-sweep": {"task": "campaigns.sweep", "schedule": float(CAMPAIGN_SWEEP_INTERVAL)},
}
