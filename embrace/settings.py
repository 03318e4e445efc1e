"""Embrace settings.

Everything configurable comes from the environment through the small helpers below, which raise on bad
values rather than guessing. Secrets may be given as ``NAME`` or as ``NAME_FILE`` (a path to read). Defaults
are safe: DEBUG off, no default secret (one is generated once into the secrets folder), SQLite in the
data folder.
Security requirements are system checks in ``embrace.checks`` so that an insecure production configuration
refuses to start.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


# Every file a secret was read from or generated into: the system checks refuse them inside the data folder
# or readable by others in production (embrace.core.checks).
SECRET_FILES: list[Path] = []


def env_secret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE. Both set is an error."""
    direct, path = os.environ.get(name), os.environ.get(f"{name}_FILE")
    if direct and path:
        raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both")
    if path:
        try:
            value = Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None
        SECRET_FILES.append(Path(path).expanduser())
        return value
    return direct or None


def generated_secret(directory: Path, name: str, nbytes: int = 48) -> str:
    """A secret generated once into the secrets folder (mode 0600) and reused afterwards."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / name
    SECRET_FILES.append(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()


TESTING = "pytest" in sys.modules or env_bool("EMBRACE_TESTING")

# --- Mode -------------------------------------------------------------------------------------------------
PRODUCTION = env_bool("EMBRACE_PRODUCTION")

# --- The data folder (database, uploads, logs) and the secrets folder ----------------------------------
# The secrets folder holds what turns a copy of the data into something readable or searchable: the Django
# key, the receipt salt, the blind-index key and the audit anchor key. Production keeps it outside the data
# folder (embrace.E030), so a seized or copied data folder does not carry them; development defaults to
# DATA_DIR/secrets and is warned (embrace.W030).
DATA_DIR = Path(env_str("EMBRACE_DATA_DIR", "var")).expanduser().resolve()
SECRETS_DIR = Path(env_str("EMBRACE_SECRETS_DIR") or DATA_DIR / "secrets").expanduser().resolve()
if PRODUCTION and not TESTING and env_str("EMBRACE_SECRETS_DIR") and not SECRETS_DIR.is_dir():
    # A secrets folder that is missing in production is one not mounted or misnamed: generating fresh
    # secrets there would orphan every receipt and blind index, and might write them onto the data disk.
    raise ImproperlyConfigured(
        f"EMBRACE_SECRETS_DIR: {SECRETS_DIR} does not exist. Create it (mode 0700, owned by the service user)"
        " or mount the volume that holds it, then start again."
    )
UPLOADS_DIR = DATA_DIR / "uploads"
LOG_DIR = DATA_DIR / "logs"
if TESTING:
    # Tests never touch a real data folder; each test process gets its own, and its own secrets folder
    # beside it, laid out as production lays them out.
    DATA_DIR = Path(tempfile.mkdtemp(prefix="embrace-test-data-"))
    SECRETS_DIR = Path(tempfile.mkdtemp(prefix="embrace-test-secrets-"))
    UPLOADS_DIR, LOG_DIR = DATA_DIR / "uploads", DATA_DIR / "logs"
for _folder in (DATA_DIR, SECRETS_DIR, UPLOADS_DIR, LOG_DIR, DATA_DIR / "static"):
    _folder.mkdir(mode=0o700, parents=True, exist_ok=True)

DEBUG = env_bool("EMBRACE_DEBUG")
# Served behind TLS (directly or through a proxy that sets X-Forwarded-Proto): secure cookies and HSTS.
TLS = env_bool("EMBRACE_TLS", default=PRODUCTION)

SECRET_KEY = env_secret("EMBRACE_SECRET_KEY") or generated_secret(SECRETS_DIR, "django-secret-key")
ALLOWED_HOSTS = env_list("EMBRACE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("EMBRACE_CSRF_TRUSTED_ORIGINS", [])
# Onion-only: the enquirer's pages answer only on a .onion host (reached through Tor), never on a clearnet
# name an observer of the phone's traffic could see; staff pages too if EMBRACE_STAFF_ONION_ONLY is also on.
ONION_ONLY = env_bool("EMBRACE_ONION_ONLY")
STAFF_ONION_ONLY = env_bool("EMBRACE_STAFF_ONION_ONLY")

# --- Applications -----------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "embrace.core",
    "embrace.audit",
    "embrace.accounts",
    "embrace.vault",
    "embrace.approvals",
    "embrace.custody",
    "embrace.breakglass",
    "embrace.staffing",
    "embrace.rewards",
    "embrace.cases",
    "embrace.vetting",
    "embrace.passage",
    "embrace.intake",
    "embrace.channels",
    "embrace.retention",
    "embrace.figures",
    "embrace.releases",
    "embrace.myanmar",
]

MIDDLEWARE = [
    "embrace.core.middleware.SecurityHeadersMiddleware",
    # Before anything else answers (redirects, static files): in onion-only mode a clearnet host gets nothing.
    "embrace.core.middleware.OnionOnlyMiddleware",
    # Pages are a third of their size compressed, which matters on throttled 2G. Django pads compressed
    # responses with random bytes ("Heal the BREACH"), and the CSRF token is masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After authentication: a signed-in person's staff pages speak the language they chose.
    "embrace.core.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "embrace.urls"
WSGI_APPLICATION = "embrace.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "embrace.accounts.context_processors.staff_nav",
            ],
            # digits, day, month, moment, clock, amount in every template without {% load myanmar %}: a
            # number or date on a Burmese page is written in Myanmar digits (docs/architecture.md).
            "builtins": ["embrace.myanmar.templatetags.myanmar"],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------------------
_default_db = f"sqlite:///{DATA_DIR / 'embrace.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL") or _default_db, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open between requests (per thread), as on PostgreSQL. Closed after each request, the last
    # connection to a WAL database checkpoints and deletes the -wal file, and the next one re-creates it and
    # runs the PRAGMAs again: that was half of the server's CPU per stored webhook update (16.8 → 8.9 ms,
    # docs/architecture.md, "The webhook's cost"). Between requests a connection holds no transaction, so
    # the TRUNCATE checkpoints after a destruction still empty the WAL.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE avoids upgrade deadlocks; FULL syncs
        # every commit, so what an enquirer was told is saved survives a crash or a power cut.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
    }
    # A file, not memory, so that tests can inspect what reaches the disk.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords, sessions, cookies -------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "embrace.accounts.hashers.CheapArgon2PasswordHasher"
    if TESTING
    else "embrace.accounts.hashers.EmbraceArgon2PasswordHasher"
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Idle timeout: the session (and with it the wrapped key) lapses after this many seconds without a request.
# Amounts above these (whole units) are read back in words and confirmed before they are taken (rewards).
REWARDS_CONFIRM_ABOVE = {
    "USD": env_int("EMBRACE_CONFIRM_ABOVE_USD", 1_000),
    "MMK": env_int("EMBRACE_CONFIRM_ABOVE_MMK", 2_000_000),
    "THB": env_int("EMBRACE_CONFIRM_ABOVE_THB", 35_000),
}
SESSION_COOKIE_AGE = env_int("EMBRACE_SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = TLS
SESSION_COOKIE_NAME = "__Host-embrace-session" if TLS else "embrace-session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SECURE = TLS
CSRF_COOKIE_NAME = "__Host-embrace-csrf" if TLS else "embrace-csrf"
# A browser-session cookie, not Django's default of a year: the enquirer's forms set it, and a phone searched
# at a checkpoint must not carry a dated cookie from this site after the browser is closed. Staff lose
# nothing: a new token comes with the next form they open.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "embrace.intake.views.csrf_failure"
# The per-session key that unwraps a staff user's private key lives only in this cookie (see embrace.vault).
VAULT_KEY_COOKIE_NAME = "__Host-embrace-key" if TLS else "embrace-key"

# --- Security headers (see embrace.core.middleware for CSP and Permissions-Policy) -------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": with no-referrer, browsers send "Origin: null" on form posts and Django's
# CSRF check refuses every form (shown by the browser tests). same-origin still never tells another site
# where a visitor came from.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 63072000 if TLS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = TLS
SECURE_HSTS_PRELOAD = TLS
SECURE_SSL_REDIRECT = TLS and env_bool("EMBRACE_SSL_REDIRECT", default=True)
if env_bool("EMBRACE_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Internationalisation ---------------------------------------------------------------------------------
LANGUAGE_CODE = "my"
LANGUAGES = [("my", "မြန်မာ"), ("en", "English")]
# Remembers a signed-out person's choice on the staff sign-in pages only; the enquirer's site never reads it
# (its language is in the address) and never sets a cookie.
STAFF_LANGUAGE_COOKIE_NAME = "__Host-embrace-lang" if TLS else "embrace-lang"
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Yangon"
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if TESTING or DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = TESTING or DEBUG
WHITENOISE_AUTOREFRESH = TESTING or DEBUG

# --- Background tasks -------------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Vault cost parameters --------------------------------------------------------------------------------
# Argon2id for password-wrapped private keys. Tests use the library minimum so the suite stays fast; the
# parameters are stored with every wrapped key, so raising them later only affects new wraps.
VAULT_PASSWORD_OPSLIMIT = 2 if TESTING else env_int("EMBRACE_VAULT_OPSLIMIT", 3, minimum=2)
VAULT_PASSWORD_MEMLIMIT = (
    8 * 1024 * 1024
    if TESTING
    else env_int("EMBRACE_VAULT_MEMLIMIT", 64 * 1024 * 1024, minimum=8 * 1024 * 1024)
)

# Argon2id for enquirer receipts: at least 64 MiB (libsodium's "interactive" profile: 2 passes, 64 MiB).
# The salt lives in the data folder, not the database. At most RECEIPT_CONCURRENCY derivations run at once per
# process (memory is the bound: 64 MiB each), half of them kept for returning enquirers and half for new
# enquiries during a flood; a request that would wait longer than RECEIPT_WAIT_SECONDS for a slot is told at
# once to try again in a minute (embrace.vault.stretching). No site-wide pause on wrong receipts: the Argon2id
# cost bounds guessing (docs/security.md, "Floods").
RECEIPT_OPSLIMIT = 1 if TESTING else env_int("EMBRACE_RECEIPT_OPSLIMIT", 2, minimum=1)
RECEIPT_MEMLIMIT = (
    8 * 1024 * 1024
    if TESTING
    else env_int("EMBRACE_RECEIPT_MEMLIMIT", 64 * 1024 * 1024, minimum=64 * 1024 * 1024)
)
RECEIPT_CONCURRENCY = env_int("EMBRACE_RECEIPT_CONCURRENCY", 2, minimum=1)
RECEIPT_WAIT_SECONDS = env_int("EMBRACE_RECEIPT_WAIT_SECONDS", 20, minimum=1)
RECEIPT_SALT = env_secret("EMBRACE_RECEIPT_SALT") or generated_secret(SECRETS_DIR, "receipt-salt", 16)
# Keys the blind indexes of identifiers (embrace.vault.blind); outside the database, like the receipt salt.
BLIND_INDEX_KEY = env_secret("EMBRACE_BLIND_INDEX_KEY") or generated_secret(
    SECRETS_DIR, "blind-index-key", 32
)

# Opens what waits in the channels' outbox (an enquirer's chat address and the reply, a photo's reference;
# embrace.vault.outbox): outside the database, so a copy of the database opens nothing waiting there.
CHANNEL_OUTBOX_KEY = env_secret("EMBRACE_CHANNEL_OUTBOX_KEY") or generated_secret(
    SECRETS_DIR, "channel-outbox-key", 32
)

# --- Chat channels: the Bot API's address and the credentials (never in the database) --------------------
# Base address of Telegram's Bot API; tests and the bench point it at the local fake (embrace.testing).
TELEGRAM_API = env_str("EMBRACE_TELEGRAM_API", "https://api.telegram.org").rstrip("/")
# The bot's token (from @BotFather). Absent: nothing is sent and the channel cannot be switched on.
TELEGRAM_BOT_TOKEN = env_secret("EMBRACE_TELEGRAM_BOT_TOKEN")
# The Telegram webhook's secret token: given to Telegram with setWebhook, sent back by Telegram in the
# X-Telegram-Bot-Api-Secret-Token header of every update and compared before anything is read. Unset, the
# webhook answers 404 as if it did not exist. Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -.
TELEGRAM_WEBHOOK_SECRET = env_secret("EMBRACE_TELEGRAM_WEBHOOK_SECRET")
if TELEGRAM_WEBHOOK_SECRET is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", TELEGRAM_WEBHOOK_SECRET):
    raise ImproperlyConfigured(
        "EMBRACE_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)"
    )
# Messenger (embrace.channels.messenger): the Meta app's secret signs every webhook POST (X-Hub-Signature-256,
# checked over the raw body before anything is parsed); the verify token is the one typed into the app's
# webhook settings for the subscription handshake; the page access token sends the bot's answers through the
# Send API. Any of the three unset: the Messenger webhook answers 404 as if it did not exist.
MESSENGER_APP_SECRET = env_secret("EMBRACE_MESSENGER_APP_SECRET")
MESSENGER_VERIFY_TOKEN = env_secret("EMBRACE_MESSENGER_VERIFY_TOKEN")
MESSENGER_PAGE_TOKEN = env_secret("EMBRACE_MESSENGER_PAGE_TOKEN")
# Meta's Graph API (the Send API lives under it); tests point it at embrace.testing.fake_graph on 127.0.0.1.
GRAPH_API = (env_str("EMBRACE_GRAPH_API") or "https://graph.facebook.com/v21.0").rstrip("/")
# Where an enquirer who started on a chat channel uses their receipt on the web (the onion address, say),
# named in the bot's receipt message; empty: the bot says "on our website".
ENQUIRER_ADDRESS = env_str("EMBRACE_ENQUIRER_ADDRESS").strip()

# Identifier search (a phone or service number, a name) answers only with cases whose identity the searcher
# can open; each person may search this often per hour, so even a keyholder cannot sweep the index.
IDENTIFIER_SEARCHES_PER_HOUR = env_int("EMBRACE_IDENTIFIER_SEARCHES_PER_HOUR", 30, minimum=1)
# Signs the audit chain's head (embrace.vault.anchors): an Ed25519 key kept in a file, never in the database.
# Generated at first use outside production; production refuses to start without it (embrace.E009). It
# lives in the secrets folder unless EMBRACE_AUDIT_ANCHOR_KEY_FILE names another file (outside the data folder
# too: embrace.E030).
AUDIT_ANCHOR_KEY_FILE = Path(
    env_str("EMBRACE_AUDIT_ANCHOR_KEY_FILE", str(SECRETS_DIR / "audit-anchor-key"))
).expanduser()
# Backups (`embrace backup`) are sealed to this public key; its private half is kept offline by the
# organisation and never on the server. Written by `embrace backup new-key`.
BACKUP_PUBLIC_KEY_FILE = Path(
    env_str("EMBRACE_BACKUP_PUBLIC_KEY_FILE", str(SECRETS_DIR / "backup-public-key"))
).expanduser()
# A new anchor is signed when the newest is older than this (housekeeping runs every 15 minutes).
AUDIT_ANCHOR_EVERY = timedelta(days=1)

# --- The enquirer's side ---------------------------------------------------------------------------------
INTAKE_MIN_FILL_SECONDS = env_int("EMBRACE_INTAKE_MIN_FILL_SECONDS", 3)  # faster than this is a robot
INTAKE_FORM_MAX_AGE_SECONDS = 6 * 3600  # a form left open longer is sent back, filled, with a fresh token
INTAKE_VISIT_SECONDS = 30 * 60  # how long an open thread page can still send replies
INTAKE_MAX_PHOTOS = 5
INTAKE_MAX_PHOTO_BYTES = 10 * 1024 * 1024
INTAKE_MAX_PHOTO_PIXELS = 40_000_000
# Flood waves (embrace.cases.waves): the waves page reads the first messages of at most this many of the
# newest new enquiries, with the officer's own keys, in the request; groups this size or larger are waves.
INTAKE_WAVE_WINDOW = env_int("EMBRACE_INTAKE_WAVE_WINDOW", 500, minimum=10)
INTAKE_WAVE_MIN_SIZE = env_int("EMBRACE_INTAKE_WAVE_MIN_SIZE", 5, minimum=2)
# Uploads stay in memory: Django's default handler would spill plaintext photos to temporary files on disk.
FILE_UPLOAD_HANDLERS = ["embrace.intake.uploads.InMemoryUploadHandler"]
DATA_UPLOAD_MAX_NUMBER_FILES = 20  # above INTAKE_MAX_PHOTOS extras are dropped and named; above this, a 400

# --- Passage plans: destroyed (keys and ciphertext) this many days after the case arrives ----------------
# Only the default of the passage plan's retention rule, used when the rule is first made (embrace.retention);
# after that two administrators change it on the retention settings page.
PASSAGE_GRACE_DAYS = env_int("EMBRACE_PASSAGE_GRACE_DAYS", 7)

# --- Public releases (embrace.releases) ---------------------------------------------------------------------
# A count below the threshold is published as "fewer than"; others as ranges of fixed bands starting at the
# threshold, never narrower than it. The differencing check uses the same threshold.
RELEASE_THRESHOLD = env_int("EMBRACE_RELEASE_THRESHOLD", 10, minimum=2)
RELEASE_BAND = env_int("EMBRACE_RELEASE_BAND", 10, minimum=1)
# The privacy budget each definition's differentially private counts may spend in a year, in thousandths of
# epsilon (1000 = epsilon 1.0), used when a year's budget row is first made.
RELEASE_YEARLY_EPSILON_MILLI = env_int("EMBRACE_RELEASE_YEARLY_EPSILON_MILLI", 1000, minimum=1)


# --- Login throttling (stores a keyed hash of the username, never an address) ----------------------------
# After this many failures for one username, a sign-in needs the password and the authenticator code
# together: guessing slows to nothing, and the real person, who has their code, is never kept out.
LOGIN_FAILURES_BEFORE_DELAY = 5
LOGIN_DELAY_SECONDS = 60
# Failed sign-ins per minute across the whole site before everyone is asked for password and code together.
LOGIN_SITE_FAILURES_PER_MINUTE = env_int("EMBRACE_LOGIN_SITE_FAILURES_PER_MINUTE", 30, minimum=1)

# --- Invitations: how long a one-time link stays usable -------------------------------------------------
INVITATION_HOURS = env_int("EMBRACE_INVITATION_HOURS", 72, minimum=1)

# --- Logging: nothing that identifies a client (no address, no user agent) ----------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(LOG_DIR / "embrace.log"),
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console", "file"], "level": "INFO" if not TESTING else "WARNING"},
    "loggers": {
        # django.server logs the client address with every request line (runserver): dropped. django.request
        # keeps server errors (path and traceback only, through the plain formatter), not 4xx noise.
        "django.server": {"handlers": [], "propagate": False},
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # httpx logs every request's URL at INFO, and those URLs hold secrets (a Bot API
        # URL the bot's token, a Send API URL the page token): neither library writes anything, at any level.
        "httpx": {"handlers": [], "propagate": False},
        "httpcore": {"handlers": [], "propagate": False},
    },
}
# Our static files are ours alone: no cross-origin reads (WhiteNoise allows all origins by default).
WHITENOISE_ALLOW_ALL_ORIGINS = False
