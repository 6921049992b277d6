from django.urls import path

import forum.ids  # noqa: F401 - registers the <id:...> path converter
from forum.views import (
    accounts,
    boards,
    bookmarks,
    following,
    lists,
    moderation,
    notifications,
    posts,
    preview,
    privacy,
    search,
    threads,
    two_factor,
    unsubscribe,
)
from forum.views.home import home

app_name = "forum"

urlpatterns = [
    path("forum/", home, name="home"),
    path("latest/", lists.latest, name="latest"),
    path("new/", lists.new, name="new"),
    path("unread/", lists.unread, name="unread"),
    path("b/<slug:area>/<slug:board>/", boards.board_detail, name="board"),
    path("b/<slug:area>/<slug:board>/new/", boards.new_thread, name="new_thread"),
    path("b/<slug:area>/<slug:board>/watch/", following.follow_board, name="watch_board"),
    path("areas/<slug:area>/follow/", following.follow_area, name="follow_area"),
    path("accounts/muted/", following.mute_member, name="mute_member"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path("t/<id:pk>/", threads.thread_detail, name="thread"),
    path("t/<id:pk>/reply/", threads.reply, name="reply"),
    path("t/<id:pk>/unread/", threads.first_unread, name="first_unread"),
    path("t/<id:pk>/watch/", following.follow_thread, name="watch_thread"),
    path("t/<id:pk>/title/", threads.edit_title, name="edit_title"),
    path("posts/preview/", preview.preview, name="preview"),
    path("posts/<id:pk>/", posts.permalink, name="post"),
    path("posts/<id:pk>/edit/", posts.edit, name="edit_post"),
    path("posts/<id:pk>/delete/", posts.delete, name="delete_post"),
    path("posts/<id:pk>/history/", posts.history, name="post_history"),
    path("posts/<id:pk>/flag/", moderation.flag, name="flag_post"),
    path("posts/<id:pk>/bookmark/", bookmarks.bookmark_post, name="bookmark_post"),
    path("bookmarks/", bookmarks.bookmark_list, name="bookmarks"),
    path("posts/<id:pk>/hide/", moderation.post_visibility, {"hide": True}, name="hide_post"),
    path(
        "posts/<id:pk>/restore/",
        moderation.post_visibility,
        {"hide": False},
        name="restore_post",
    ),
    path("t/<id:pk>/moderate/", moderation.thread_tools, name="moderate_thread"),
    path("moderation/", moderation.review, name="moderation_review"),
    path(
        "moderation/posts/<id:pk>/<str:decision>/",
        moderation.review_post,
        name="moderation_review_post",
    ),
    path("moderation/members/", moderation.verification, name="moderation_verification"),
    path(
        "moderation/members/<id:pk>/decide/",
        moderation.decide_membership,
        name="moderation_decide",
    ),
    path("moderation/members/<id:pk>/", moderation.member_tools, name="moderation_member"),
    path("moderation/log/", moderation.log, name="moderation_log"),
    path("search/", search.search_page, name="search"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("accounts/register/", accounts.register, name="register"),
    path("accounts/confirm/<str:token>/", accounts.confirm, name="confirm_email"),
    path(
        "accounts/confirmation/again/",
        accounts.resend_confirmation,
        name="resend_confirmation",
    ),
    path("accounts/profile/", accounts.profile, name="profile"),
    path("accounts/profile/export/", privacy.export_data, name="export_data"),
    path("accounts/delete/", privacy.delete_account, name="delete_account"),
    path("accounts/two-step/", two_factor.overview, name="two_factor"),
    path("accounts/two-step/set-up/", two_factor.setup, name="two_factor_setup"),
    path(
        "accounts/two-step/backup-codes/", two_factor.backup_codes, name="two_factor_backup_codes"
    ),
    path("accounts/two-step/turn-off/", two_factor.turn_off, name="two_factor_turn_off"),
    path("accounts/login/code/", two_factor.sign_in_code, name="two_factor_code"),
]
