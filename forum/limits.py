"""Every size limit and page size of the forum, in one place (stated in docs/forum.md)."""

TITLE_MIN_LENGTH = 5
TITLE_MAX_LENGTH = 200
BODY_MIN_LENGTH = 2
BODY_MAX_LENGTH = 20_000  # characters of Markdown source
BIO_MAX_LENGTH = 1_000

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 20
NOTIFICATIONS_PER_PAGE = 30
# Visitors' board pages are cached up to this page number; deeper pages are rendered each time.
CACHED_BOARD_PAGES = 20

# Below this many letters a language guess is noise: the author's language is used instead.
LANGUAGE_DETECTION_MIN_LETTERS = 20
# How long an e-mail confirmation link stays valid, in seconds.
EMAIL_CONFIRMATION_MAX_AGE = 3 * 24 * 3600

# Real time (docs/realtime.md).
REPLAY_LIMIT = 1000  # more missed events than this on one stream: the client is told to resync
SUBSCRIPTIONS_PER_SOCKET = 20
SOCKET_MESSAGES_PER_WINDOW = 30  # a socket may send this many messages ...
SOCKET_RATE_WINDOW = 10  # ... per this many seconds
SOCKET_RATE_STRIKES = 3  # messages refused for the rate limit before the socket is closed
EVENT_RETENTION_DAYS = 7  # prune_events deletes older events
