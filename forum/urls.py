from django.urls import path

from forum.views import accounts, boards, notifications, posts, threads
from forum.views.home import home

app_name = "forum"

urlpatterns = [
    path("", home, name="home"),
    path("b/<slug:area>/<slug:board>/", boards.board_detail, name="board"),
    path("b/<slug:area>/<slug:board>/new/", boards.new_thread, name="new_thread"),
    path("b/<slug:area>/<slug:board>/watch/", boards.watch_board, name="watch_board"),
    path("t/<int:pk>/", threads.thread_detail, name="thread"),
    path("t/<int:pk>/reply/", threads.reply, name="reply"),
    path("t/<int:pk>/unread/", threads.first_unread, name="first_unread"),
    path("t/<int:pk>/watch/", threads.watch_thread, name="watch_thread"),
    path("posts/<int:pk>/", posts.permalink, name="post"),
    path("posts/<int:pk>/edit/", posts.edit, name="edit_post"),
    path("posts/<int:pk>/delete/", posts.delete, name="delete_post"),
    path("posts/<int:pk>/history/", posts.history, name="post_history"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("accounts/register/", accounts.register, name="register"),
    path("accounts/confirm/<str:token>/", accounts.confirm, name="confirm_email"),
    path("accounts/profile/", accounts.profile, name="profile"),
]
