from django.urls import path

from . import views

app_name = "prevention"

urlpatterns = [
    path("prevention/", views.PreventiveEventList.as_view(), name="preventiveevent_list"),
    path("prevention/new/", views.event_create, name="preventiveevent_create"),
    path(
        "prevention/<int:pk>/", views.PreventiveEventDetail.as_view(), name="preventiveevent_detail"
    ),
    path("prevention/<int:pk>/edit/", views.event_edit, name="preventiveevent_update"),
    path(
        "prevention/<int:pk>/photo/<slug:size>/",
        views.event_photo,
        name="preventiveevent_photo",
    ),
]
