"""Pages every app shares: the health check, uploaded files and the filters' search."""

from django.urls import path

from core import choice_search, views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("choices/<str:kind>/", choice_search.ChoiceSearch.as_view(), name="choice_search"),
    path("media/<path:path>", views.media, name="media"),
]
