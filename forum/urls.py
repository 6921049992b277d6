from django.urls import path

from forum.views.home import home

app_name = "forum"

urlpatterns = [
    path("", home, name="home"),
]
