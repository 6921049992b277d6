"""Every size limit and page size of the forum, in one place (stated in docs/forum.md)."""

TITLE_MIN_LENGTH = 5
TITLE_MAX_LENGTH = 200
TITLE_EDIT_HOURS = 24  # its author may change a thread's title this long after starting it
BODY_MIN_LENGTH = 2
BODY_MAX_LENGTH = 20_000  # characters of Markdown source
BIO_MAX_LENGTH = 1_000
BOOKMARK_NOTE_MAX_LENGTH = 500
BOOKMARK_REMINDER_MAX_DAYS = 366  # a reminder further ahead is refused as a mistake

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 20
NOTIFICATIONS_PER_PAGE = 30
# Visitors' board pages are cached up to this page number; deeper pages are rendered each time.
CACHED_BOARD_PAGES = 20

# The same text sent again by its author to the same thread within this many seconds (Back and
# Post again, a second tab) finds the first post instead of making a copy.
REPEAT_POST_WINDOW_SECONDS = 600

# Below this many letters a language guess is noise: the author's language is used instead.
LANGUAGE_DETECTION_MIN_LETTERS = 20
# How long an e-mail confirmation link stays valid, in seconds.
EMAIL_CONFIRMATION_MAX_AGE = 3 * 24 * 3600

# Real time (docs/realtime.md).
REPLAY_LIMIT = 1000  # more missed events than this on one stream: the client is told to resync
# Broadcasts from several processes can arrive out of id order: a client that resumes after id N
# may lack an earlier id that was still on its way. A resume also replays the stream's events
# stored up to this many seconds before N; the client drops ids it has (live.js: by post).
REPLAY_REORDER_SECONDS = 30
# Each Daphne process hands its sockets, this often, the stored events of the last
# REPLAY_REORDER_SECONDS they were not sent (a writer that died before its broadcast).
SWEEP_SECONDS = 5
SUBSCRIPTIONS_PER_SOCKET = 20
SOCKET_MESSAGES_PER_WINDOW = 30  # a socket may send this many messages ...
SOCKET_RATE_WINDOW = 10  # ... per this many seconds
SOCKET_RATE_STRIKES = 3  # messages refused for the rate limit before the socket is closed
EVENT_RETENTION_DAYS = 7  # prune_events deletes older events

# Moderation (docs/moderation.md).
REASON_MAX_LENGTH = 1_000
FLAGS_PER_WINDOW = 10  # a member may flag this many posts ...
FLAG_WINDOW_SECONDS = 600  # ... per this many seconds
MODERATION_LOG_PER_PAGE = 50
REVIEW_QUEUE_PER_PAGE = 30

# Abuse limits (docs/security.md), with flags and socket messages above. Over one: a page that
# says so, HTTP 429, and what was typed kept in the form. Registrations, posts and searches are
# counted in the shared cache per fixed window (forum/throttling.py).
# Sign-in: this many failed attempts for one username from one IP address (django-axes) ...
LOGIN_FAILURES_BEFORE_LOCKOUT = 5
LOGIN_LOCKOUT_MINUTES = 30  # ... lock that pair out this long; other addresses are not locked
# Registrations per IP address: a prosecution office often reaches us through one address.
REGISTRATIONS_PER_WINDOW = 10
REGISTRATION_WINDOW_SECONDS = 3600
POSTS_PER_WINDOW = 10  # new threads and replies together, per member ...
POST_WINDOW_SECONDS = 60  # ... per this many seconds
SEARCHES_PER_WINDOW = 30  # per member, or per IP address for visitors ...
SEARCH_WINDOW_SECONDS = 60  # ... per this many seconds
# Previews while writing (views/preview.py): one per pause in typing, 0.4 s at the least.
PREVIEWS_PER_WINDOW = 120  # per member ...
PREVIEW_WINDOW_SECONDS = 60  # ... per this many seconds
REACTIONS_PER_WINDOW = 60  # per member ...
DRAFT_SAVES_PER_WINDOW = 60  # per member (drafts.js saves 2 s after typing stops) ...
DRAFT_SAVE_WINDOW_SECONDS = 60  # ... per this many seconds
REACTION_WINDOW_SECONDS = 60  # ... per this many seconds
CONSULTATION_MAX_RECIPIENTS = 10  # members consulted at once
CONSULTATIONS_PER_PAGE = 30
TAGS_PER_THREAD = 5  # an author picks at most this many of the curated tags
PROFILE_RECENT_POSTS = 10  # a member's latest posts on their profile page
MEMBERS_PER_PAGE = 30  # the expert directory
REACTORS_SHOWN = 100  # names listed per reaction on a post's reactions page
# @mention suggestions while writing (views/mentions.py): at most this many names a request,
# from this many candidates read, and this many requests per member per minute.
MENTION_SUGGESTIONS = 8
MENTION_CANDIDATES = 50
MENTION_QUERY_MAX_LENGTH = 50
MENTIONS_PER_WINDOW = 120
MENTION_WINDOW_SECONDS = 60
# Sign-in attempts from one IP address, whatever the usernames (axes locks one username at a
# time; this stops trying one password on many): a whole office behind one address fits.
SIGN_INS_PER_WINDOW = 30
SIGN_IN_WINDOW_SECONDS = 900
# Password confirmations by a signed-in member (deleting the account): a stolen session may not
# guess the password behind it.
PASSWORD_CHECKS_PER_WINDOW = 5
PASSWORD_CHECK_WINDOW_SECONDS = 900
# Two-step sign-in (forum/signin.py). The code must follow the password within this many
# seconds, or the password is asked again ...
TWO_FACTOR_PENDING_SECONDS = 300
# ... as it is after this many wrong codes. Each wrong code is also a failed sign-in for
# django-axes: with wrong passwords, LOGIN_FAILURES_BEFORE_LOCKOUT of them pause the address.
TWO_FACTOR_FAILURES_PER_SIGN_IN = 3
TWO_FACTOR_CODES_PER_WINDOW = 10  # codes tried for one account, from any address, ...
TWO_FACTOR_CODE_WINDOW_SECONDS = 900  # ... per this many seconds
TWO_FACTOR_BACKUP_CODES = 10  # one-time backup codes per set
PASSKEYS_PER_MEMBER = 10  # passkeys (forum/services/passkeys.py) one member may add
PASSKEY_NAME_MAX_LENGTH = 64
PASSKEY_RESPONSE_MAX_BYTES = 16_384  # an authenticator's answer, as the browser sends it
TWO_FACTOR_CODE_MAX_LENGTH = 24  # characters typed in the code field, spaces included
# A signed-in session of a member without an authenticator looks again this often, so a session
# opened elsewhere before they turned it on is asked for a code soon after.
TWO_FACTOR_RECHECK_SECONDS = 300

# A member who never confirmed their address and signs in with the right password may have the
# link sent again (forum/signin.py): this many times per account per window ...
CONFIRMATION_RESENDS_PER_WINDOW = 3
CONFIRMATION_RESEND_WINDOW_SECONDS = 3600
# ... within this many seconds of that sign-in.
UNCONFIRMED_SIGN_IN_SECONDS = 900

# Presence: a socket counts as reading a thread while it refreshes its row this often ...
PRESENCE_HEARTBEAT_SECONDS = 30
# ... and stops counting this long after its last refresh (a process that died).
PRESENCE_EXPIRY_SECONDS = 75
# A process sends a thread's reader count at most once per this many seconds.
PRESENCE_DEBOUNCE_SECONDS = 2
# ... and, for big audiences, less often: a count goes to every reader, so a process sends at
# most this many presence frames a second per thread (1,000 readers: one count per 5 s).
PRESENCE_FRAMES_PER_SECOND = 200

# Member avatars (docs/security.md, "Uploads"). The upload is checked, then re-encoded.
AVATAR_MAX_BYTES = 1024 * 1024  # the file as uploaded
AVATAR_MAX_PIXELS = 16_000_000  # width x height of the uploaded picture (a 4000 x 4000 photo)
AVATAR_SIZE = 256  # stored avatars are this many pixels square

# The task worker (forum/worker/; docs/deploy.md). A task that raises is tried again after
# TASK_RETRY_BASE_SECONDS x 4^(attempt - 1), at most TASK_RETRY_MAX_SECONDS apart, and parked
# (failed, shown to staff) after TASK_ATTEMPTS tries.
TASK_ATTEMPTS = 5
TASK_RETRY_BASE_SECONDS = 10
TASK_RETRY_MAX_SECONDS = 3600
TASK_STOP_GRACE_SECONDS = (
    8  # on SIGTERM, a running task gets this long, then goes back to the queue
)
TASK_STUCK_MINUTES = 15  # a task running this long belonged to a worker that died: run it again
TASK_RESULTS_KEEP_DAYS = 7  # finished tasks' rows; parked ones stay until staff retry or delete
RELAY_KEEP_SECONDS = 120  # relay rows (embedded default) older than this are deleted
RELAY_POLL_SECONDS = 0.25  # how often a socket server reads the relay table

# --- Machine translation (forum/machine_translation) ---
# Texts an engine receives at once are at most this long; a longer paragraph is split at
# sentence ends (or, failing those, at spaces) so a 100 KB post is translated in bounded pieces.
TRANSLATION_PIECE_CHARS = 1_500
# Texts per engine call: a long post is sent in several calls.
TRANSLATION_BATCH_TEXTS = 50

# Attachments (forum/attachments.py, docs/security.md "Uploads").
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024  # one file
ATTACHMENTS_PER_POST = 5  # a post's or a consultation message's files
ATTACHMENT_NAME_MAX_LENGTH = 150  # characters of the name shown (the stored name is random)
ATTACHMENT_MAX_PIXELS = 40_000_000  # a picture's width x height, read from its header
ATTACHMENT_IMAGE_MAX_SIDE = 4096  # a larger picture is stored scaled down to this
ATTACHMENT_THUMBNAIL_SIDE = 480  # the picture shown in the post, linking to the full one
# An office document is a zip: refused past this many files in it, this many bytes unpacked,
# or a file in it unpacking to more than this many times its packed size (a zip bomb).
ATTACHMENT_ZIP_MAX_ENTRIES = 2_000
ATTACHMENT_ZIP_MAX_UNPACKED = 200 * 1024 * 1024
ATTACHMENT_ZIP_MAX_RATIO = 100
ATTACHMENT_PDF_MAX_PAGES = 5_000
UNSENT_ATTACHMENT_HOURS = 24  # a file uploaded with a form never sent is removed after this
# Uploads are kept (to a temporary file) up to this size; past it the rest is dropped and the
# form says the file is too large (forum/uploads.CappedUploadHandler). The largest file any
# form accepts is a Wagtail document (WAGTAILDOCS_MAX_UPLOAD_SIZE is below this).
UPLOAD_KEPT_MAX_BYTES = 25 * 1024 * 1024
