"""Settings for the Community Police Officer programme site.

One module, driven by environment variables (and a local ``.env`` file), with an
SQLite default so that a fresh checkout runs after ``migrate``. Production sets
DJANGO_DEBUG=false, a real DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and a postgres://
DATABASE_URL.
"""

import datetime
import importlib.util
import os
import re
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

# A developer's checkout keeps its settings in .env (written by `make`, never committed);
# variables set in the real environment win over it.
load_dotenv(BASE_DIR / ".env", override=False)


def envbool(name: str, default: str) -> bool:
    """Read a strict boolean: anything but true/false is a configuration error."""
    value = os.environ.get(name, default).strip().lower()
    if value not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {value!r}.")
    return value == "true"


DEBUG = envbool("DJANGO_DEBUG", "false")

# Demo mode (`make run` sets it) lets the demo community's users sign in without a
# second factor. It never runs in production: it refuses to start without DEBUG.
DEMO = envbool("DJANGO_DEMO", "false")
if DEMO and not DEBUG:
    raise ImproperlyConfigured("DJANGO_DEMO=true is for a local demo and needs DJANGO_DEBUG=true.")

_PLACEHOLDER_KEY = "insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == _PLACEHOLDER_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a long random value "
            "(or DJANGO_DEBUG=true for local development)."
        )
    SECRET_KEY = _PLACEHOLDER_KEY

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()
]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set DJANGO_ALLOWED_HOSTS to the comma-separated host names the site answers to."
    )

INSTALLED_APPS = [
    "dal",
    "dal_alight",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "pgtrigger",
    "rules",
    "core",
    "accounts",
    "policing",
    "stations",
    "officers",
    "prevention",
    "appeals",
    "offenders",
    "audit",
    "reports",
    "search",
    "archive",
    "demo",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.ForcePasswordChangeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.FollowOnlyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "audit.middleware.AuditMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "policing.urls"
WSGI_APPLICATION = "policing.wsgi.application"

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
                "policing.context_processors.navigation",
                "core.context_processors.session",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database of one laptop: readers never wait for a writer (WAL), and a
    # request that writes takes the lock when it begins and waits its turn for up to
    # 20 s, rather than failing at once when two requests write together.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "policing.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Object rules (an officer's own shift, a supervisor's station), declared in each
    # app's rules.py and asked as user.has_perm("officers.review_shift", shift).
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed sign-ins in a row lock an account for 30 minutes, from whatever address
# (and so every pair of it with an address). An address alone is throttled only after
# 50 failures under any usernames in 10 minutes: a council office behind one address is
# not locked out by one person (accounts.lockout; README, Security).
AXES_HANDLER = "accounts.lockout.AccountLockoutHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
ADDRESS_FAILURE_LIMIT = 50
ADDRESS_COOLOFF_TIME = datetime.timedelta(minutes=10)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_VERBOSE = False
# Two-factor sign-in with a time-based code (django-otp): required for these roles,
# available to everyone; DJANGO_TWO_FACTOR_FOR_EVERYONE=true requires it of council
# staff too (accounts.two_factor).
TWO_FACTOR_ROLES = ["officer", "supervisor", "administrator"]
TWO_FACTOR_FOR_EVERYONE = envbool("DJANGO_TWO_FACTOR_FOR_EVERYONE", "false")
OTP_TOTP_ISSUER = os.environ.get("DJANGO_TWO_FACTOR_ISSUER", "Community Police Officer")
OTP_TOTP_THROTTLE_FACTOR = 1
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.DistinctCharactersValidator", "OPTIONS": {"min_distinct": 5}},
]

LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", _("Ukrainian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Kyiv"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Leaflet's files come from the django-leaflet package; its Django app needs GeoDjango,
# which this site does not use, so only its static folder is served.
_leaflet = importlib.util.find_spec("leaflet")
assert _leaflet is not None
assert _leaflet.submodule_search_locations
_LEAFLET = Path(_leaflet.submodule_search_locations[0])
STATICFILES_DIRS = [BASE_DIR / "static", _LEAFLET / "static"]
# Uploads go through Django's storage API: an S3-compatible bucket when
# DJANGO_S3_BUCKET is set (django-storages; credentials from the usual AWS_* variables),
# the local media folder otherwise.
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("DJANGO_S3_REGION") or None,
                "location": "media",
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": True,
            },
        }
        if S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
# Uploads live outside the code tree (by default in the user's data folder), under
# random names, and are served only through views that check who asks.
_DATA_HOME = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or _DATA_HOME / "community-police" / "media")

# Uploaded photos: what is accepted and what is stored. A phone camera's photo that the
# browser could not shrink (static/js/photos.js) is up to about 20 MB.
IMAGE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
IMAGE_UPLOAD_MAX_PIXELS = 40_000_000
IMAGE_STORED_MAX_SIDE = 1600
IMAGE_THUMBNAIL_SIDE = 240
# The largest request body a page takes; a page that takes a photo (core.images.
# takes_photos) or a larger file raises it for itself, for itself only
# (core.middleware.RequestSizeLimitMiddleware). The reverse proxy caps bodies at the
# largest of these (README, Security).
REQUEST_BODY_MAX_BYTES = 6 * 1024 * 1024
# A photo at its largest and the form around it.
PHOTO_REQUEST_MAX_BYTES = IMAGE_UPLOAD_MAX_BYTES + 1024 * 1024
# Form fields other than files, which Django counts apart from them.
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES

# The incident map's tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty
# means no background tiles (points and the list still work without them).
MAP_TILES_URL = os.environ.get("DJANGO_MAP_TILES_URL", "")


# Content-Security-Policy (django-csp): everything from this site, no inline scripts
# or styles; map tiles from the configured tile server only.
def _tile_origin(url: str) -> list[str]:
    match = re.match(r"^(https?://[^/]+)", url.replace("{s}", "*"))
    return [match.group(1)] if match else []


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:", *_tile_origin(MAP_TILES_URL)],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}

# The audit log keeps entries this many days (at least 365: audit.models) before
# `manage.py prune_audit` may remove them.
AUDIT_RETENTION_DAYS = int(os.environ.get("DJANGO_AUDIT_RETENTION_DAYS", "730"))
if AUDIT_RETENTION_DAYS < 365:
    raise ImproperlyConfigured("DJANGO_AUDIT_RETENTION_DAYS must be at least 365.")

# Parties (victims, suspects, witnesses) of an incident closed this many days ago lose
# their personal details (`manage.py anonymise_parties`); the statistics stay.
INCIDENT_RETENTION_DAYS = int(os.environ.get("DJANGO_INCIDENT_RETENTION_DAYS", str(5 * 365)))

# Several app servers share sessions and the cache through Redis (REDIS_URL, e.g.
# redis://127.0.0.1:6379/0); a single server keeps both in its database. Nothing that
# another server needs stays in one server's memory or disk.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "policing",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "policing_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The dashboard's figures are counted at most this often (see reports.views.dashboard).
DASHBOARD_CACHE_SECONDS = int(os.environ.get("DJANGO_DASHBOARD_CACHE_SECONDS", "300"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions end after 30 minutes without activity, and 12 hours after sign-in in any case
# (accounts.middleware.SessionLimitsMiddleware).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_LIMIT = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# In production (DEBUG off) the site answers over HTTPS only, with strict headers.
# DJANGO_HTTPS=false is for a test server without TLS; it never weakens DEBUG.
HTTPS = not DEBUG and envbool("DJANGO_HTTPS", "true")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=()"
if envbool("DJANGO_BEHIND_PROXY", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Django logs each server error itself; core.middleware logs it with the
    # reference the error page shows.
    "loggers": {"django.request": {"level": "CRITICAL"}},
}
