from django.urls import path

from forum.realtime.consumers import ForumConsumer

websocket_urlpatterns = [
    path("ws/", ForumConsumer.as_asgi()),
]
