"""Pages every app shares: the health check, uploaded files, the filters' search and the
phone's offline part."""

from django.urls import path

from core import choice_search, offline, views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("choices/<str:kind>/", choice_search.ChoiceSearch.as_view(), name="choice_search"),
    path("media/<path:path>", views.media, name="media"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline_page, name="offline"),
]
